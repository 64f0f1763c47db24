package vn.dossierpost.db;

import java.time.LocalDate;
import java.util.List;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlBatch;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;
import vn.dossierpost.domain.Channel;

/** Reads the reference data: procedures and their documents, agencies, offices, tariff, calendar. */
public interface CatalogueDAO {

    record ProvinceRow(String code, String name, boolean majorCity) {}

    record CommuneRow(String code, String name, String provinceCode) {}

    record AgencyRow(
            String code,
            String name,
            String provinceCode,
            String communeCode,
            String address,
            String phone,
            String email,
            Channel channel,
            boolean active) {}

    record OfficeRow(String code, String name, String provinceCode, String communeCode, String address, String phone) {}

    record ProcedureRow(
            String code,
            String name,
            String nameEn,
            String agencyCode,
            int processingDays,
            long governmentFee,
            boolean postalAllowed,
            String legalBasis,
            boolean proxyAllowed,
            boolean feeRefundableOnRefusal) {}

    record ComponentRow(String procedureCode, String code, String name, String form, boolean required, int position) {}

    record RouteClassRow(String code, String name, int days, int daysWithAppointmentSlip) {}

    record TariffRow(String routeClass, String leg, long amount) {}

    record CalendarRow(LocalDate day, String kind, String name) {}

    @SqlQuery("SELECT code, name, major_city FROM province ORDER BY code")
    @RegisterConstructorMapper(ProvinceRow.class)
    List<ProvinceRow> provinces();

    @SqlQuery("SELECT code, name, province_code FROM commune ORDER BY code")
    @RegisterConstructorMapper(CommuneRow.class)
    List<CommuneRow> communes();

    @SqlQuery(
            "SELECT code, name, province_code, commune_code, address, phone, email, channel, active FROM agency ORDER BY code")
    @RegisterConstructorMapper(AgencyRow.class)
    List<AgencyRow> agencies();

    /** A commune and the office serving it (migration 020): results for an address there go through that office. */
    record ServedCommune(String communeCode, String officeCode) {}

    @SqlQuery("SELECT commune_code, office_code FROM office_commune")
    @RegisterConstructorMapper(ServedCommune.class)
    List<ServedCommune> servedCommunes();

    @SqlQuery("SELECT code, name, province_code, commune_code, address, phone FROM post_office ORDER BY code")
    @RegisterConstructorMapper(OfficeRow.class)
    List<OfficeRow> offices();

    @SqlQuery(
            "SELECT code, name, name_en, agency_code, processing_days, government_fee, postal_allowed, legal_basis, proxy_allowed, "
                    + "fee_refundable_on_refusal FROM procedure ORDER BY code")
    @RegisterConstructorMapper(ProcedureRow.class)
    List<ProcedureRow> procedures();

    @SqlQuery(
            "SELECT procedure_code, code, name, form, required, position FROM procedure_component ORDER BY procedure_code, position")
    @RegisterConstructorMapper(ComponentRow.class)
    List<ComponentRow> components();

    @SqlQuery("SELECT code, name, days, days_with_appointment_slip FROM route_class ORDER BY days")
    @RegisterConstructorMapper(RouteClassRow.class)
    List<RouteClassRow> routeClasses();

    @SqlQuery("SELECT route_class, leg, amount FROM tariff")
    @RegisterConstructorMapper(TariffRow.class)
    List<TariffRow> tariff();

    @SqlQuery("SELECT day, kind, name FROM calendar_day ORDER BY day")
    @RegisterConstructorMapper(CalendarRow.class)
    List<CalendarRow> calendar();

    @SqlQuery("SELECT day, kind, name FROM calendar_day WHERE extract(year FROM day) = :year ORDER BY day")
    @RegisterConstructorMapper(CalendarRow.class)
    List<CalendarRow> calendar(@Bind("year") int year);

    @SqlUpdate("DELETE FROM calendar_day WHERE extract(year FROM day) = :year")
    int deleteCalendarYear(@Bind("year") int year);

    @SqlBatch("INSERT INTO calendar_day (day, kind, name) VALUES (:day, :kind, :name)")
    void insertCalendar(@org.jdbi.v3.sqlobject.customizer.BindMethods List<CalendarRow> rows);
}
