package vn.dossierpost.service.catalogue;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import vn.dossierpost.api.AgencySummary;
import vn.dossierpost.api.CommuneView;
import vn.dossierpost.api.OfficeView;
import vn.dossierpost.api.ProcedureView;
import vn.dossierpost.db.CatalogueDAO;
import vn.dossierpost.db.CatalogueDAO.AgencyRow;
import vn.dossierpost.db.CatalogueDAO.CommuneRow;
import vn.dossierpost.db.CatalogueDAO.ComponentRow;
import vn.dossierpost.db.CatalogueDAO.OfficeRow;
import vn.dossierpost.db.CatalogueDAO.ProcedureRow;
import vn.dossierpost.db.CatalogueDAO.ProvinceRow;
import vn.dossierpost.domain.CalendarEntry;
import vn.dossierpost.domain.DeliveryMethod;
import vn.dossierpost.domain.Leg;
import vn.dossierpost.domain.Place;
import vn.dossierpost.domain.RouteClass;
import vn.dossierpost.domain.Tariff;
import vn.dossierpost.domain.TariffRate;
import vn.dossierpost.domain.TransitTime;
import vn.dossierpost.domain.WorkingCalendar;
import vn.dossierpost.service.Text;

/**
 * An immutable snapshot of the catalogue, read in one go so that an intake needs no catalogue query.
 * {@link ReferenceDataCache} replaces it when the data changes.
 */
public final class ReferenceData {
    private final Map<String, ProvinceRow> provinces;
    private final Map<String, CommuneRow> communes;
    private final Map<String, AgencyRow> agencies;
    private final Map<String, OfficeRow> offices;
    /** Commune code → the office serving it (office_commune). */
    private final Map<String, String> servingOffices;

    private final Map<String, ProcedureRow> procedures;
    private final Map<String, List<ComponentRow>> components;
    private final Map<RouteClass, TransitTime> transitTimes;
    private final Tariff tariff;
    private final WorkingCalendar calendar;
    private final List<AgencySummary> agencySummaries;
    private final List<OfficeView> officeViews;
    /** Each commune with its name folded once ({@link Text#plain}), for the pickers that search them by name. */
    private final List<Searchable<CommuneView>> communeSearch;

    private record Searchable<T>(String plain, T value) {}

    ReferenceData(CatalogueDAO dao) {
        provinces = index(dao.provinces(), ProvinceRow::code);
        communes = index(dao.communes(), CommuneRow::code);
        agencies = index(dao.agencies(), AgencyRow::code);
        offices = index(dao.offices(), OfficeRow::code);
        servingOffices = dao.servedCommunes().stream()
                .collect(Collectors.toUnmodifiableMap(c -> c.communeCode().trim(), c -> c.officeCode()));
        procedures = index(dao.procedures(), ProcedureRow::code);
        components = dao.components().stream()
                .collect(Collectors.groupingBy(
                        ComponentRow::procedureCode,
                        LinkedHashMap::new,
                        Collectors.collectingAndThen(Collectors.toList(), Collections::unmodifiableList)));
        Map<RouteClass, TransitTime> transit = new LinkedHashMap<>();
        dao.routeClasses()
                .forEach(r -> transit.put(
                        RouteClass.valueOf(r.code()), new TransitTime(r.days(), r.daysWithAppointmentSlip())));
        transitTimes = Collections.unmodifiableMap(transit);
        List<TariffRate> rates = new ArrayList<>();
        dao.tariff()
                .forEach(t -> rates.add(
                        new TariffRate(RouteClass.valueOf(t.routeClass()), Leg.valueOf(t.leg()), t.amount())));
        tariff = new Tariff(rates);
        calendar = new WorkingCalendar(dao.calendar().stream()
                .map(c -> new CalendarEntry(c.day(), CalendarEntry.Kind.valueOf(c.kind()), c.name()))
                .toList());
        agencySummaries = agencies.values().stream()
                .map(a -> new AgencySummary(
                        a.code(),
                        a.name(),
                        a.provinceCode(),
                        a.communeCode(),
                        a.address(),
                        a.phone(),
                        a.email(),
                        a.channel(),
                        a.active()))
                .toList();
        officeViews = offices.values().stream()
                .map(o -> new OfficeView(o.code(), o.name(), o.provinceCode(), o.communeCode(), o.address(), o.phone()))
                .toList();
        communeSearch = communes.values().stream()
                .map(c -> communeView(c))
                .map(v -> new Searchable<>(Text.plain(v.name() + " " + v.code()), v))
                .toList();
    }

    private CommuneView communeView(CommuneRow c) {
        ProvinceRow province = provinces.get(c.provinceCode());
        return new CommuneView(c.code(), c.name(), c.provinceCode(), province == null ? null : province.name());
    }

    private static <T> Map<String, T> index(List<T> rows, Function<T, String> key) {
        Map<String, T> map = new LinkedHashMap<>();
        rows.forEach(r -> map.put(key.apply(r).trim(), r));
        return Collections.unmodifiableMap(map);
    }

    public Optional<ProcedureRow> procedure(String code) {
        return Optional.ofNullable(procedures.get(code));
    }

    public Optional<AgencyRow> agency(String code) {
        return Optional.ofNullable(agencies.get(code));
    }

    public Optional<OfficeRow> office(String code) {
        return Optional.ofNullable(offices.get(code));
    }

    /** The office serving the commune, if one does. */
    public Optional<String> servingOffice(String communeCode) {
        return Optional.ofNullable(communeCode == null ? null : servingOffices.get(communeCode));
    }

    /**
     * The office that delivers a result (or holds it for collection): for delivery at home, the one
     * serving the delivery address's commune; otherwise, or when no office serves that commune, the
     * office that took the dossier in (where an applicant collecting at the counter filed it).
     */
    public String deliveringOffice(DeliveryMethod method, String deliveryCommune, String intakeOffice) {
        return method == DeliveryMethod.HOME ? servingOffice(deliveryCommune).orElse(intakeOffice) : intakeOffice;
    }

    /** An office's name for a page or a report, its code when it is not (or no longer) in the catalogue. */
    public String officeName(String code) {
        return office(code).map(OfficeRow::name).orElse(code);
    }

    /** An agency's name for a page or a report, its code when it is not (or no longer) in the catalogue. */
    public String agencyName(String code) {
        return agency(code).map(AgencyRow::name).orElse(code);
    }

    public Optional<ProvinceRow> province(String code) {
        return Optional.ofNullable(provinces.get(code));
    }

    public Optional<CommuneRow> commune(String code) {
        return Optional.ofNullable(communes.get(code));
    }

    public Optional<CommuneView> communeView(String code) {
        return commune(code).map(this::communeView);
    }

    /**
     * The communes whose name (or code) holds every word of {@code query}, with or without diacritics
     * ("hoan kiem" finds "Phường Hoàn Kiếm"), those whose name starts with it first, at most {@code limit}.
     */
    public List<CommuneView> communes(String query, int limit) {
        String wanted = Text.plain(query);
        if (wanted.isEmpty()) {
            return List.of();
        }
        List<CommuneView> starting = new ArrayList<>();
        List<CommuneView> containing = new ArrayList<>();
        for (Searchable<CommuneView> c : communeSearch) {
            if (Text.containsWords(c.plain(), wanted)) {
                String bareName = c.plain().replaceFirst("^(phuong|xa|dac khu) ", "");
                (bareName.startsWith(wanted) ? starting : containing).add(c.value());
            }
        }
        starting.addAll(containing);
        return starting.subList(0, Math.min(limit, starting.size()));
    }

    /** The procedures whose code or name holds every word of {@code query}, diacritics aside; all of them for a blank one. */
    public List<ProcedureView> searchProcedures(String query) {
        return procedures.values().stream()
                .filter(p -> Text.matches(p.code() + " " + p.name(), query))
                .map(this::view)
                .toList();
    }

    public List<ComponentRow> components(String procedureCode) {
        return components.getOrDefault(procedureCode, List.of());
    }

    public Map<String, ProcedureRow> procedures() {
        return procedures;
    }

    public Map<String, AgencyRow> agencies() {
        return agencies;
    }

    public Map<String, OfficeRow> offices() {
        return offices;
    }

    public Tariff tariff() {
        return tariff;
    }

    public WorkingCalendar calendar() {
        return calendar;
    }
    /** The agencies and offices as the API lists them, built once per snapshot. */
    public List<AgencySummary> agencySummaries() {
        return agencySummaries;
    }

    public List<OfficeView> officeViews() {
        return officeViews;
    }

    public TransitTime transitTime(RouteClass routeClass) {
        TransitTime t = transitTimes.get(routeClass);
        if (t == null) {
            throw new IllegalStateException("route class " + routeClass + " has no transit time in the catalogue");
        }
        return t;
    }

    /** The procedures, each with its agency's name and the documents the counter checks. */
    public List<ProcedureView> procedureViews() {
        return procedures.values().stream().map(this::view).toList();
    }

    public Optional<ProcedureView> procedureView(String code) {
        return procedure(code).map(this::view);
    }

    private ProcedureView view(ProcedureRow p) {
        return new ProcedureView(
                p.code(),
                p.name(),
                p.nameEn(),
                p.agencyCode(),
                agency(p.agencyCode()).map(a -> a.name()).orElse(null),
                p.processingDays(),
                p.governmentFee(),
                p.postalAllowed(),
                p.legalBasis(),
                components(p.code()).stream()
                        .map(c -> new ProcedureView.Document(c.code(), c.name(), c.form(), c.required()))
                        .toList(),
                p.proxyAllowed(),
                p.feeRefundableOnRefusal());
    }

    public Place placeOfOffice(OfficeRow office) {
        return new Place(
                office.provinceCode(),
                office.communeCode(),
                provinces.get(office.provinceCode()).majorCity());
    }

    public Place placeOfAgency(AgencyRow agency) {
        return new Place(
                agency.provinceCode(),
                agency.communeCode(),
                provinces.get(agency.provinceCode()).majorCity());
    }
}
