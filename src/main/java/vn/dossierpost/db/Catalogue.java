package vn.dossierpost.db;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.util.List;

/**
 * The reference-data catalogue as it is written in {@code migrations/catalogue.json}: administrative
 * units, agencies, post offices, procedures with their component documents, postal route classes and
 * tariff, and the working calendar.
 *
 * <p>This is the data layer's view of the file, so codes and enumerations stay plain strings here; the
 * importer checks them. Every section may be missing (a partial file, for instance only communes, is a
 * valid catalogue) and then reads as an empty list. Unknown properties such as {@code _note} are ignored.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record Catalogue(
        List<Province> provinces,
        List<Commune> communes,
        List<Agency> agencies,
        List<Office> offices,
        List<Procedure> procedures,
        List<RouteClass> routeClasses,
        List<TariffRate> tariff,
        List<CalendarDay> calendar) {

    public Catalogue {
        provinces = orEmpty(provinces);
        communes = orEmpty(communes);
        agencies = orEmpty(agencies);
        offices = orEmpty(offices);
        procedures = orEmpty(procedures);
        routeClasses = orEmpty(routeClasses);
        tariff = orEmpty(tariff);
        calendar = orEmpty(calendar);
    }

    static <T> List<T> orEmpty(List<T> list) {
        return list == null ? List.of() : list;
    }

    /** A province-level unit; {@code majorCity} marks the special-class and class-I cities (route class J+3). */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Province(String code, String name, Boolean majorCity) {}

    /** A commune-level unit (xã, phường, đặc khu), 5-digit code. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Commune(String code, String name, String provinceCode) {}

    /** A competent agency, by its identifier in the national format (e.g. {@code 000.00.15.H29}). */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Agency(
            String code,
            String name,
            String provinceCode,
            String communeCode,
            String address,
            String phone,
            String email,
            String channel) {}

    /** A post office that accepts dossiers, by its 6-digit code. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Office(
            String code, String name, String provinceCode, String communeCode, String address, String phone) {}

    /** An administrative procedure with the documents the counter must check. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Procedure(
            String code,
            String name,
            String nameEn,
            String agencyCode,
            Integer processingDays,
            Long governmentFee,
            Boolean postalAllowed,
            String legalBasis,
            List<Component> components,
            Boolean proxyAllowed,
            Boolean feeRefundableOnRefusal) {
        public Procedure {
            components = orEmpty(components);
        }

        /** Whether someone else may file it on the applicant's behalf: yes unless the file says no. */
        public boolean proxyAllowedOrDefault() {
            return proxyAllowed == null || proxyAllowed;
        }

        /** Whether a refusal gives the government fee back: no unless the file says yes. */
        public boolean feeRefundableOnRefusalOrDefault() {
            return feeRefundableOnRefusal != null && feeRefundableOnRefusal;
        }
    }

    /** One document of a procedure's dossier; {@code form} is ORIGINAL or COPY. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Component(String code, String name, String form, Boolean required) {}

    /** TT 17/2017 Art. 7: J + {@code days} working days, or {@code daysWithAppointmentSlip}. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record RouteClass(String code, String name, Integer days, Integer daysWithAppointmentSlip) {}

    /** Postage in VND for one route class and one leg (OUTBOUND or RETURN). */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record TariffRate(String routeClass, String leg, Long amount) {}

    /** A day that differs from Monday-to-Friday: HOLIDAY, DAY_OFF or WORKING_DAY; {@code date} is YYYY-MM-DD. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record CalendarDay(String date, String kind, String name) {}
}
