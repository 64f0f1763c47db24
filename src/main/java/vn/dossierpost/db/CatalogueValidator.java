package vn.dossierpost.db;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.jdbi.v3.core.Handle;
import vn.dossierpost.domain.Channel;

/**
 * Checks a whole catalogue before anything is written and lists every problem with its path in the file.
 * A reference (a commune's province, an office's commune, a procedure's agency, a tariff's route class) is
 * good when the code is in the same file or already in the database, so partial files can be imported.
 */
final class CatalogueValidator {
    private static final Pattern PROVINCE_CODE = Pattern.compile("\\d{2}");
    private static final Pattern COMMUNE_CODE = Pattern.compile("\\d{5}");
    private static final Pattern AGENCY_CODE = Pattern.compile("\\d{3}\\.\\d{2}\\.\\d{2}\\.[A-Z]\\d{2}");
    private static final Pattern OFFICE_CODE = Pattern.compile("\\d{6}");
    /** National procedure code, optionally followed by the publishing agency's identifier. */
    private static final Pattern PROCEDURE_CODE =
            Pattern.compile("\\d\\.\\d{6}(\\.\\d{3}\\.\\d{2}\\.\\d{2}\\.[A-Z]\\d{2})?");

    private static final Pattern SYMBOL = Pattern.compile("[A-Z][A-Z0-9_]*");
    private static final Set<String> CHANNELS =
            Arrays.stream(Channel.values()).map(Enum::name).collect(Collectors.toSet());
    private static final Set<String> FORMS = Set.of("ORIGINAL", "COPY");
    private static final Set<String> LEGS = Set.of("OUTBOUND", "RETURN");
    private static final Set<String> KINDS = Set.of("HOLIDAY", "DAY_OFF", "WORKING_DAY");

    private final Catalogue catalogue;
    private final Handle handle;
    private final List<String> problems = new ArrayList<>();

    /** Province of each known commune, from the file and, for the ones referenced but not in it, the database. */
    private final Map<String, String> communeProvince = new HashMap<>();

    private final Set<String> provinces = new HashSet<>();
    private final Set<String> agencies = new HashSet<>();
    private final Set<String> routeClasses = new HashSet<>();

    private CatalogueValidator(Catalogue catalogue, Handle handle) {
        this.catalogue = catalogue;
        this.handle = handle;
    }

    /** Every problem in the catalogue, in file order; empty when it can be imported. */
    static List<String> problems(Catalogue catalogue, Handle handle) {
        CatalogueValidator validator = new CatalogueValidator(catalogue, handle);
        validator.collectKnownCodes();
        validator.checkProvinces();
        validator.checkCommunes();
        validator.checkAgencies();
        validator.checkOffices();
        validator.checkRouteClasses();
        validator.checkTariff();
        validator.checkProcedures();
        validator.checkCalendar();
        return validator.problems;
    }

    private void collectKnownCodes() {
        for (Catalogue.Province p : nonNull(catalogue.provinces())) {
            provinces.add(p.code());
        }
        for (Catalogue.Commune c : nonNull(catalogue.communes())) {
            communeProvince.put(c.code(), c.provinceCode());
        }
        for (Catalogue.Agency a : nonNull(catalogue.agencies())) {
            agencies.add(a.code());
        }
        for (Catalogue.RouteClass r : nonNull(catalogue.routeClasses())) {
            routeClasses.add(r.code());
        }

        Set<String> provinceRefs = new LinkedHashSet<>();
        nonNull(catalogue.communes()).forEach(c -> provinceRefs.add(c.provinceCode()));
        nonNull(catalogue.agencies()).forEach(a -> provinceRefs.add(a.provinceCode()));
        nonNull(catalogue.offices()).forEach(o -> provinceRefs.add(o.provinceCode()));
        provinces.addAll(existing("province", missing(provinceRefs, provinces)));

        Set<String> communeRefs = new LinkedHashSet<>();
        nonNull(catalogue.agencies()).forEach(a -> communeRefs.add(a.communeCode()));
        nonNull(catalogue.offices()).forEach(o -> communeRefs.add(o.communeCode()));
        List<String> unknownCommunes = missing(communeRefs, communeProvince.keySet());
        if (!unknownCommunes.isEmpty()) {
            handle.createQuery("SELECT code, province_code FROM commune WHERE code = ANY(:codes)")
                    .bindArray("codes", String.class, unknownCommunes)
                    .map((rs, ctx) -> Map.entry(rs.getString(1), rs.getString(2)))
                    .forEach(e -> communeProvince.put(e.getKey(), e.getValue()));
        }

        Set<String> agencyRefs = new LinkedHashSet<>();
        nonNull(catalogue.procedures()).forEach(p -> agencyRefs.add(p.agencyCode()));
        agencies.addAll(existing("agency", missing(agencyRefs, agencies)));

        Set<String> routeClassRefs = new LinkedHashSet<>();
        nonNull(catalogue.tariff()).forEach(t -> routeClassRefs.add(t.routeClass()));
        routeClasses.addAll(existing("route_class", missing(routeClassRefs, routeClasses)));
    }

    private void checkProvinces() {
        Map<String, Integer> seen = new HashMap<>();
        List<Catalogue.Province> list = catalogue.provinces();
        for (int i = 0; i < list.size(); i++) {
            String at = "provinces[" + i + "]";
            Catalogue.Province p = list.get(i);
            if (entryMissing(at, p)) {
                continue;
            }
            code(at, p.code(), PROVINCE_CODE, "must be 2 digits", "provinces", seen, i);
            required(at + ".name", p.name());
        }
    }

    private void checkCommunes() {
        Map<String, Integer> seen = new HashMap<>();
        List<Catalogue.Commune> list = catalogue.communes();
        for (int i = 0; i < list.size(); i++) {
            String at = "communes[" + i + "]";
            Catalogue.Commune c = list.get(i);
            if (entryMissing(at, c)) {
                continue;
            }
            code(at, c.code(), COMMUNE_CODE, "must be 5 digits", "communes", seen, i);
            required(at + ".name", c.name());
            provinceRef(at + ".provinceCode", c.provinceCode());
        }
    }

    private void checkAgencies() {
        Map<String, Integer> seen = new HashMap<>();
        List<Catalogue.Agency> list = catalogue.agencies();
        for (int i = 0; i < list.size(); i++) {
            String at = "agencies[" + i + "]";
            Catalogue.Agency a = list.get(i);
            if (entryMissing(at, a)) {
                continue;
            }
            code(
                    at,
                    a.code(),
                    AGENCY_CODE,
                    "must be an identifier like 000.00.15.H29 (NNN.NN.NN.XNN)",
                    "agencies",
                    seen,
                    i);
            required(at + ".name", a.name());
            required(at + ".address", a.address());
            placeRefs(at, a.provinceCode(), a.communeCode());
            if (a.channel() != null && !CHANNELS.contains(a.channel())) {
                problems.add(at + ".channel: must be HTTP, FILE_DROP or SFTP");
            }
            if (a.email() != null && !a.email().isBlank() && !a.email().matches("[^@\\s]+@[^@\\s]+\\.[^@\\s]+")) {
                problems.add(at + ".email: is not an e-mail address");
            }
        }
    }

    private void checkOffices() {
        Map<String, Integer> seen = new HashMap<>();
        List<Catalogue.Office> list = catalogue.offices();
        for (int i = 0; i < list.size(); i++) {
            String at = "offices[" + i + "]";
            Catalogue.Office o = list.get(i);
            if (entryMissing(at, o)) {
                continue;
            }
            code(at, o.code(), OFFICE_CODE, "must be 6 digits", "offices", seen, i);
            required(at + ".name", o.name());
            required(at + ".address", o.address());
            placeRefs(at, o.provinceCode(), o.communeCode());
        }
    }

    private void checkRouteClasses() {
        Map<String, Integer> seen = new HashMap<>();
        List<Catalogue.RouteClass> list = catalogue.routeClasses();
        for (int i = 0; i < list.size(); i++) {
            String at = "routeClasses[" + i + "]";
            Catalogue.RouteClass r = list.get(i);
            if (entryMissing(at, r)) {
                continue;
            }
            code(at, r.code(), SYMBOL, "must be upper-case letters, digits and _", "routeClasses", seen, i);
            required(at + ".name", r.name());
            boolean days = notNegative(at + ".days", r.days());
            boolean slipDays = notNegative(at + ".daysWithAppointmentSlip", r.daysWithAppointmentSlip());
            if (days && slipDays && r.daysWithAppointmentSlip() < r.days()) {
                problems.add(at + ".daysWithAppointmentSlip: must not be less than days");
            }
        }
    }

    private void checkTariff() {
        Map<String, Integer> seen = new HashMap<>();
        List<Catalogue.TariffRate> list = catalogue.tariff();
        for (int i = 0; i < list.size(); i++) {
            String at = "tariff[" + i + "]";
            Catalogue.TariffRate t = list.get(i);
            if (entryMissing(at, t)) {
                continue;
            }
            if (required(at + ".routeClass", t.routeClass()) && !routeClasses.contains(t.routeClass())) {
                problems.add(at + ".routeClass: unknown route class " + t.routeClass());
            }
            if (required(at + ".leg", t.leg()) && !LEGS.contains(t.leg())) {
                problems.add(at + ".leg: must be OUTBOUND or RETURN");
            }
            notNegative(at + ".amount", t.amount());
            Integer first = seen.putIfAbsent(t.routeClass() + "/" + t.leg(), i);
            if (first != null) {
                problems.add(at + ": duplicate rate for " + t.routeClass() + " " + t.leg() + " (also tariff[" + first
                        + "])");
            }
        }
    }

    private void checkProcedures() {
        Map<String, Integer> seen = new HashMap<>();
        List<Catalogue.Procedure> list = catalogue.procedures();
        for (int i = 0; i < list.size(); i++) {
            String at = "procedures[" + i + "]";
            Catalogue.Procedure p = list.get(i);
            if (entryMissing(at, p)) {
                continue;
            }
            code(
                    at,
                    p.code(),
                    PROCEDURE_CODE,
                    "must be a procedure code like 2.000488 or 2.000488.000.00.00.H29",
                    "procedures",
                    seen,
                    i);
            required(at + ".name", p.name());
            if (required(at + ".agencyCode", p.agencyCode()) && !agencies.contains(p.agencyCode())) {
                problems.add(at + ".agencyCode: unknown agency " + p.agencyCode());
            }
            notNegative(at + ".processingDays", p.processingDays());
            notNegative(at + ".governmentFee", p.governmentFee());
            if (p.postalAllowed() == null) {
                problems.add(at + ".postalAllowed: is required (true or false)");
            }
            checkComponents(at, p.components());
        }
    }

    private void checkComponents(String procedure, List<Catalogue.Component> list) {
        Map<String, Integer> seen = new HashMap<>();
        for (int j = 0; j < list.size(); j++) {
            String at = procedure + ".components[" + j + "]";
            Catalogue.Component c = list.get(j);
            if (entryMissing(at, c)) {
                continue;
            }
            if (required(at + ".code", c.code())) {
                if (!SYMBOL.matcher(c.code()).matches()) {
                    problems.add(at + ".code: must be upper-case letters, digits and _");
                }
                Integer first = seen.putIfAbsent(c.code(), j);
                if (first != null) {
                    problems.add(at + ".code: duplicate code " + c.code() + " (also components[" + first + "])");
                }
            }
            required(at + ".name", c.name());
            if (c.form() == null || !FORMS.contains(c.form())) {
                problems.add(at + ".form: must be ORIGINAL or COPY");
            }
            if (c.required() == null) {
                problems.add(at + ".required: is required (true or false)");
            }
        }
    }

    private void checkCalendar() {
        Map<LocalDate, Integer> seen = new HashMap<>();
        List<Catalogue.CalendarDay> list = catalogue.calendar();
        for (int i = 0; i < list.size(); i++) {
            String at = "calendar[" + i + "]";
            Catalogue.CalendarDay d = list.get(i);
            if (entryMissing(at, d)) {
                continue;
            }
            LocalDate date = date(at + ".date", d.date());
            required(at + ".name", d.name());
            boolean kind = required(at + ".kind", d.kind());
            if (kind && !KINDS.contains(d.kind())) {
                problems.add(at + ".kind: must be HOLIDAY, DAY_OFF or WORKING_DAY");
            }
            if (date == null) {
                continue;
            }
            Integer first = seen.putIfAbsent(date, i);
            if (first != null) {
                problems.add(at + ".date: duplicate date " + date + " (also calendar[" + first + "])");
            }
            boolean weekend = date.getDayOfWeek() == DayOfWeek.SATURDAY || date.getDayOfWeek() == DayOfWeek.SUNDAY;
            if ("WORKING_DAY".equals(d.kind()) && !weekend) {
                problems.add(at + ".kind: a make-up WORKING_DAY must fall on a Saturday or Sunday, " + date + " is a "
                        + date.getDayOfWeek());
            }
            if ("DAY_OFF".equals(d.kind()) && weekend) {
                problems.add(at + ".kind: a DAY_OFF must fall on a weekday, " + date + " is a " + date.getDayOfWeek());
            }
        }
    }

    // --- helpers ---------------------------------------------------------------------------------

    private boolean entryMissing(String at, Object entry) {
        if (entry == null) {
            problems.add(at + ": must not be null");
            return true;
        }
        return false;
    }

    private boolean required(String at, String value) {
        if (value == null || value.isBlank()) {
            problems.add(at + ": is required");
            return false;
        }
        return true;
    }

    private boolean notNegative(String at, Number value) {
        if (value == null) {
            problems.add(at + ": is required");
            return false;
        }
        if (value.longValue() < 0) {
            problems.add(at + ": must not be negative");
            return false;
        }
        return true;
    }

    private void code(
            String at,
            String code,
            Pattern pattern,
            String rule,
            String section,
            Map<String, Integer> seen,
            int index) {
        if (!required(at + ".code", code)) {
            return;
        }
        if (!pattern.matcher(code).matches()) {
            problems.add(at + ".code: " + rule + ", was \"" + code + "\"");
        }
        Integer first = seen.putIfAbsent(code, index);
        if (first != null) {
            problems.add(at + ".code: duplicate code " + code + " (also " + section + "[" + first + "])");
        }
    }

    private boolean provinceRef(String at, String code) {
        if (!required(at, code)) {
            return false;
        }
        if (!PROVINCE_CODE.matcher(code).matches()) {
            problems.add(at + ": must be 2 digits, was \"" + code + "\"");
            return false;
        }
        if (!provinces.contains(code)) {
            problems.add(at + ": unknown province " + code);
            return false;
        }
        return true;
    }

    /** A province and a commune that must exist and agree (the commune lies in that province). */
    private void placeRefs(String at, String provinceCode, String communeCode) {
        boolean province = provinceRef(at + ".provinceCode", provinceCode);
        if (!required(at + ".communeCode", communeCode)) {
            return;
        }
        if (!COMMUNE_CODE.matcher(communeCode).matches()) {
            problems.add(at + ".communeCode: must be 5 digits, was \"" + communeCode + "\"");
            return;
        }
        String communeIn = communeProvince.get(communeCode);
        if (communeIn == null) {
            problems.add(at + ".communeCode: unknown commune " + communeCode);
        } else if (province && !communeIn.equals(provinceCode)) {
            problems.add(at + ".communeCode: commune " + communeCode + " is in province " + communeIn + ", not "
                    + provinceCode);
        }
    }

    private LocalDate date(String at, String value) {
        if (!required(at, value)) {
            return null;
        }
        try {
            return LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            problems.add(at + ": must be a date YYYY-MM-DD, was \"" + value + "\"");
            return null;
        }
    }

    private Set<String> existing(String table, List<String> codes) {
        if (codes.isEmpty()) {
            return Set.of();
        }
        // table is one of our own constants, never input
        return new HashSet<>(handle.createQuery("SELECT code FROM " + table + " WHERE code = ANY(:codes)")
                .bindArray("codes", String.class, codes)
                .mapTo(String.class)
                .list());
    }

    private static List<String> missing(Collection<String> referenced, Set<String> known) {
        List<String> result = new ArrayList<>();
        for (String code : referenced) {
            if (code != null && !code.isBlank() && !known.contains(code)) {
                result.add(code);
            }
        }
        return result;
    }

    private static <T> List<T> nonNull(List<T> list) {
        return list.stream().filter(x -> x != null).toList();
    }
}
