package vn.dossierpost.db;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.function.BiConsumer;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.PreparedBatch;
import vn.dossierpost.domain.Channel;

/**
 * Loads a {@link Catalogue} into the database: the reference data migration, and the catalogue import
 * command for later updates (for instance the full list of 3,321 communes).
 *
 * <p>An import is all or nothing: the whole file is validated first ({@link CatalogueException} lists every
 * problem with its path), then every section is upserted in dependency order inside one transaction.
 * Rows are only ever inserted or updated, never deleted, so a partial file leaves the other data alone;
 * the one exception is a procedure's component list, which is replaced by the file's list. Rows whose
 * values already match are not rewritten, so importing the same file twice changes nothing.
 */
public final class CatalogueImporter {
    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
            .build();

    private final Jdbi jdbi;

    public CatalogueImporter(Jdbi jdbi) {
        this.jdbi = Objects.requireNonNull(jdbi, "jdbi");
    }

    /** Imports the catalogue in a transaction of its own. */
    public Result importCatalogue(Catalogue catalogue) {
        return jdbi.withHandle(handle -> importInto(handle, catalogue));
    }

    /** Reads then imports a catalogue file. */
    public Result importCatalogue(InputStream json) {
        return importCatalogue(read(json));
    }

    /**
     * Validates and writes the catalogue through {@code handle}: in a new transaction, or in the one the
     * handle's connection is already in (as under Liquibase, which then commits or rolls back).
     *
     * @throws CatalogueException when anything in the catalogue is invalid; nothing is written then
     */
    public static Result importInto(Handle handle, Catalogue catalogue) {
        Objects.requireNonNull(catalogue, "catalogue");
        return handle.inTransaction(h -> {
            List<String> problems = CatalogueValidator.problems(catalogue, h);
            if (!problems.isEmpty()) {
                throw new CatalogueException(problems);
            }
            return write(h, catalogue);
        });
    }

    /**
     * Parses a catalogue file (UTF-8 JSON). A malformed file or a value of the wrong type is reported as a
     * {@link CatalogueException} with the path of the offending value.
     */
    public static Catalogue read(InputStream json) {
        try (Reader reader = new InputStreamReader(json, StandardCharsets.UTF_8)) {
            Catalogue catalogue = MAPPER.readValue(reader, Catalogue.class);
            if (catalogue == null) {
                throw new CatalogueException(List.of("catalogue file is empty"));
            }
            return catalogue;
        } catch (JsonMappingException e) {
            throw new CatalogueException(path(e) + ": " + e.getOriginalMessage(), e);
        } catch (JsonProcessingException e) {
            String line =
                    e.getLocation() == null ? "" : " (line " + e.getLocation().getLineNr() + ")";
            throw new CatalogueException("catalogue file is not valid JSON: " + e.getOriginalMessage() + line, e);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the catalogue file", e);
        }
    }

    private static String path(JsonMappingException e) {
        StringBuilder path = new StringBuilder();
        for (JsonMappingException.Reference ref : e.getPath()) {
            if (ref.getIndex() >= 0) {
                path.append('[').append(ref.getIndex()).append(']');
            } else if (ref.getFieldName() != null) {
                path.append(path.isEmpty() ? "" : ".").append(ref.getFieldName());
            }
        }
        return path.isEmpty() ? "catalogue" : path.toString();
    }

    private static Result write(Handle h, Catalogue c) {
        writePlaces(h, c);
        writeRouteClassesAndTariff(h, c);
        int components = writeProcedures(h, c);
        upsert(
                h,
                """
                INSERT INTO calendar_day (day, kind, name) VALUES (:day, :kind, :name)
                ON CONFLICT (day) DO UPDATE SET kind = excluded.kind, name = excluded.name
                WHERE (calendar_day.kind, calendar_day.name) IS DISTINCT FROM (excluded.kind, excluded.name)
                """,
                c.calendar(),
                (b, d) -> b.bind("day", LocalDate.parse(d.date()))
                        .bind("kind", d.kind())
                        .bind("name", d.name()));
        return new Result(
                c.provinces().size(),
                c.communes().size(),
                c.agencies().size(),
                c.offices().size(),
                c.routeClasses().size(),
                c.tariff().size(),
                c.procedures().size(),
                components,
                c.calendar().size());
    }

    /** Provinces, communes, agencies and post offices. */
    private static void writePlaces(Handle h, Catalogue c) {
        upsert(
                h,
                """
                INSERT INTO province (code, name, major_city) VALUES (:code, :name, :majorCity)
                ON CONFLICT (code) DO UPDATE SET name = excluded.name, major_city = excluded.major_city
                WHERE (province.name, province.major_city) IS DISTINCT FROM (excluded.name, excluded.major_city)
                """,
                c.provinces(),
                (b, p) -> b.bind("code", p.code())
                        .bind("name", p.name())
                        .bind("majorCity", Boolean.TRUE.equals(p.majorCity())));

        upsert(
                h,
                """
                INSERT INTO commune (code, name, province_code) VALUES (:code, :name, :provinceCode)
                ON CONFLICT (code) DO UPDATE SET name = excluded.name, province_code = excluded.province_code
                WHERE (commune.name, commune.province_code) IS DISTINCT FROM (excluded.name, excluded.province_code)
                """,
                c.communes(),
                (b, x) -> b.bind("code", x.code()).bind("name", x.name()).bind("provinceCode", x.provinceCode()));

        // The channel is taken from the file only for a new agency: an existing agency's channel is set
        // together with its endpoint and secret by an administrator, and a catalogue refresh must not
        // switch it to a channel whose endpoint is not configured.
        upsert(
                h,
                """
                INSERT INTO agency (code, name, province_code, commune_code, address, phone, email, channel)
                VALUES (:code, :name, :provinceCode, :communeCode, :address, :phone, :email, :channel)
                ON CONFLICT (code) DO UPDATE SET name = excluded.name, province_code = excluded.province_code,
                    commune_code = excluded.commune_code, address = excluded.address, phone = excluded.phone,
                    email = excluded.email
                WHERE (agency.name, agency.province_code, agency.commune_code, agency.address, agency.phone,
                       agency.email)
                  IS DISTINCT FROM (excluded.name, excluded.province_code, excluded.commune_code,
                       excluded.address, excluded.phone, excluded.email)
                """,
                c.agencies(),
                (b, a) -> b.bind("code", a.code())
                        .bind("name", a.name())
                        .bind("provinceCode", a.provinceCode())
                        .bind("communeCode", a.communeCode())
                        .bind("address", a.address())
                        .bind("phone", a.phone())
                        .bind("email", a.email())
                        .bind("channel", a.channel() == null ? Channel.HTTP.name() : a.channel()));

        upsert(
                h,
                """
                INSERT INTO post_office (code, name, province_code, commune_code, address, phone)
                VALUES (:code, :name, :provinceCode, :communeCode, :address, :phone)
                ON CONFLICT (code) DO UPDATE SET name = excluded.name, province_code = excluded.province_code,
                    commune_code = excluded.commune_code, address = excluded.address, phone = excluded.phone
                WHERE (post_office.name, post_office.province_code, post_office.commune_code,
                       post_office.address, post_office.phone)
                  IS DISTINCT FROM (excluded.name, excluded.province_code, excluded.commune_code,
                       excluded.address, excluded.phone)
                """,
                c.offices(),
                (b, o) -> b.bind("code", o.code())
                        .bind("name", o.name())
                        .bind("provinceCode", o.provinceCode())
                        .bind("communeCode", o.communeCode())
                        .bind("address", o.address())
                        .bind("phone", o.phone()));
    }

    /** The route classes of TT 17/2017 Art. 7 with their transit days, and the postage per class and leg. */
    private static void writeRouteClassesAndTariff(Handle h, Catalogue c) {
        upsert(
                h,
                """
                INSERT INTO route_class (code, name, days, days_with_appointment_slip)
                VALUES (:code, :name, :days, :slipDays)
                ON CONFLICT (code) DO UPDATE SET name = excluded.name, days = excluded.days,
                    days_with_appointment_slip = excluded.days_with_appointment_slip
                WHERE (route_class.name, route_class.days, route_class.days_with_appointment_slip)
                  IS DISTINCT FROM (excluded.name, excluded.days, excluded.days_with_appointment_slip)
                """,
                c.routeClasses(),
                (b, r) -> b.bind("code", r.code())
                        .bind("name", r.name())
                        .bind("days", r.days())
                        .bind("slipDays", r.daysWithAppointmentSlip()));

        upsert(
                h,
                """
                INSERT INTO tariff (route_class, leg, amount) VALUES (:routeClass, :leg, :amount)
                ON CONFLICT (route_class, leg) DO UPDATE SET amount = excluded.amount
                WHERE tariff.amount IS DISTINCT FROM excluded.amount
                """,
                c.tariff(),
                (b, t) -> b.bind("routeClass", t.routeClass())
                        .bind("leg", t.leg())
                        .bind("amount", t.amount()));
    }

    /** The procedures and their document lists; returns how many documents were written. */
    private static int writeProcedures(Handle h, Catalogue c) {
        upsert(
                h,
                """
                INSERT INTO procedure (code, name, name_en, agency_code, processing_days, government_fee,
                    postal_allowed, legal_basis)
                VALUES (:code, :name, :nameEn, :agencyCode, :processingDays, :governmentFee, :postalAllowed,
                    :legalBasis)
                ON CONFLICT (code) DO UPDATE SET name = excluded.name, name_en = excluded.name_en,
                    agency_code = excluded.agency_code, processing_days = excluded.processing_days,
                    government_fee = excluded.government_fee, postal_allowed = excluded.postal_allowed,
                    legal_basis = excluded.legal_basis
                WHERE (procedure.name, procedure.name_en, procedure.agency_code, procedure.processing_days,
                       procedure.government_fee, procedure.postal_allowed, procedure.legal_basis)
                  IS DISTINCT FROM (excluded.name, excluded.name_en, excluded.agency_code,
                       excluded.processing_days, excluded.government_fee, excluded.postal_allowed,
                       excluded.legal_basis)
                """,
                c.procedures(),
                (b, p) -> b.bind("code", p.code())
                        .bind("name", p.name())
                        .bind("nameEn", p.nameEn())
                        .bind("agencyCode", p.agencyCode())
                        .bind("processingDays", p.processingDays())
                        .bind("governmentFee", p.governmentFee())
                        .bind("postalAllowed", p.postalAllowed())
                        .bind("legalBasis", p.legalBasis()));
        writeLaterRules(h, c.procedures());
        return replaceComponents(h, c.procedures());
    }

    /**
     * The procedure rules that came with later migrations than the one that first loads the
     * catalogue (002), which therefore runs without their columns; those migrations set them.
     */
    private static void writeLaterRules(Handle h, List<Catalogue.Procedure> procedures) {
        if (hasProcedureColumn(h, "proxy_allowed")) {
            upsert(
                    h,
                    "UPDATE procedure SET proxy_allowed = :value WHERE code = :code "
                            + "AND proxy_allowed IS DISTINCT FROM :value",
                    procedures,
                    (b, p) -> b.bind("code", p.code()).bind("value", p.proxyAllowedOrDefault()));
        }
        if (hasProcedureColumn(h, "fee_refundable_on_refusal")) {
            upsert(
                    h,
                    "UPDATE procedure SET fee_refundable_on_refusal = :value WHERE code = :code "
                            + "AND fee_refundable_on_refusal IS DISTINCT FROM :value",
                    procedures,
                    (b, p) -> b.bind("code", p.code()).bind("value", p.feeRefundableOnRefusalOrDefault()));
        }
    }

    private static boolean hasProcedureColumn(Handle h, String column) {
        return h.createQuery("SELECT EXISTS (SELECT 1 FROM information_schema.columns WHERE table_schema = "
                        + "current_schema() AND table_name = 'procedure' AND column_name = :column)")
                .bind("column", column)
                .mapTo(Boolean.class)
                .one();
    }

    /** The file's component list replaces the stored one of every procedure it lists, in file order. */
    private static int replaceComponents(Handle h, List<Catalogue.Procedure> procedures) {
        if (procedures.isEmpty()) {
            return 0;
        }
        h.createUpdate("DELETE FROM procedure_component WHERE procedure_code = ANY(:codes)")
                .bindArray(
                        "codes",
                        String.class,
                        procedures.stream().map(Catalogue.Procedure::code).toList())
                .execute();
        PreparedBatch batch = h.prepareBatch("""
                INSERT INTO procedure_component (procedure_code, code, name, form, required, position)
                VALUES (:procedureCode, :code, :name, :form, :required, :position)
                """);
        for (Catalogue.Procedure p : procedures) {
            for (int i = 0; i < p.components().size(); i++) {
                Catalogue.Component component = p.components().get(i);
                batch.bind("procedureCode", p.code())
                        .bind("code", component.code())
                        .bind("name", component.name())
                        .bind("form", component.form())
                        .bind("required", component.required())
                        .bind("position", i + 1)
                        .add();
            }
        }
        return batch.size() == 0 ? 0 : batch.execute().length;
    }

    private static <T> void upsert(Handle h, String sql, List<T> rows, BiConsumer<PreparedBatch, T> binder) {
        if (rows.isEmpty()) {
            return;
        }
        PreparedBatch batch = h.prepareBatch(sql);
        for (T row : rows) {
            binder.accept(batch, row);
            batch.add();
        }
        batch.execute();
    }

    /** How many entries of each section were imported (inserted, updated or already up to date). */
    public record Result(
            int provinces,
            int communes,
            int agencies,
            int offices,
            int routeClasses,
            int tariffRates,
            int procedures,
            int components,
            int calendarDays) {

        @Override
        public String toString() {
            return provinces + " provinces, " + communes + " communes, " + agencies + " agencies, "
                    + offices + " post offices, " + routeClasses + " route classes, " + tariffRates
                    + " tariff rates, " + procedures + " procedures with " + components + " components, "
                    + calendarDays + " calendar days";
        }
    }
}
