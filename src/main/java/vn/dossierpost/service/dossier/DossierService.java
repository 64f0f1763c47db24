package vn.dossierpost.service.dossier;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.jdbi.v3.core.Jdbi;
import vn.dossierpost.api.DossierPage;
import vn.dossierpost.api.DossierView;
import vn.dossierpost.api.EventView;
import vn.dossierpost.api.FeesView;
import vn.dossierpost.db.DossierDAO;
import vn.dossierpost.db.DossierDAO.ComponentRow;
import vn.dossierpost.db.DossierRow;
import vn.dossierpost.db.EventDAO;
import vn.dossierpost.domain.AgencyNoticeLimits;
import vn.dossierpost.domain.DossierStatus;
import vn.dossierpost.domain.IdType;
import vn.dossierpost.domain.LegClock;
import vn.dossierpost.domain.Role;
import vn.dossierpost.domain.User;
import vn.dossierpost.service.Problem;
import vn.dossierpost.service.Text;
import vn.dossierpost.service.catalogue.ReferenceData;
import vn.dossierpost.service.catalogue.ReferenceDataCache;

/** Reading dossiers (with who may see what) and moving them through the transition table. */
public final class DossierService {
    /** Statuses in which an agency has not been handed the dossier, so may not see it. */
    public static final Set<DossierStatus> NOT_HANDED_OVER = Collections.unmodifiableSet(EnumSet.of(
            DossierStatus.RECEIVED, DossierStatus.DIGITISED, DossierStatus.AWAITING_RESULT, DossierStatus.WITHDRAWN));

    private final Jdbi jdbi;
    private final Jdbi listJdbi;
    private final ReferenceDataCache referenceData;
    private final ObjectMapper json;
    private final Clock clock;
    private final ZoneId zone;
    private final String trackingUrl;
    private final StatusChanges changes;
    private final DueDateChanges dueDates;

    public DossierService(
            Jdbi jdbi,
            Jdbi listJdbi,
            ReferenceDataCache referenceData,
            ObjectMapper json,
            Clock clock,
            ZoneId zone,
            String trackingUrl,
            LocalTime cutOff,
            AgencyNoticeLimits noticeLimits) {
        this.jdbi = jdbi;
        this.listJdbi = listJdbi;
        this.referenceData = referenceData;
        this.json = json;
        this.clock = clock;
        this.zone = zone;
        this.trackingUrl = trackingUrl;
        this.changes = new StatusChanges(clock.withZone(zone));
        this.dueDates = new DueDateChanges(referenceData, changes, zone, cutOff, noticeLimits);
    }

    /** The one path of status changes and timeline entries, on this service's clock. */
    public StatusChanges changes() {
        return changes;
    }

    /** The one path by which due dates move after intake. */
    public DueDateChanges dueDates() {
        return dueDates;
    }

    /** A dossier with its documents, if the user may read it. */
    /** A dossier read with its documents and, once handed over, its last handover (null before). */
    public record Loaded(DossierRow row, List<ComponentRow> components, DossierDAO.LastHandoverRow handover) {}

    public Loaded load(User user, String code) {
        return jdbi.withExtension(DossierDAO.class, dao -> {
            DossierRow row = dao.findByCode(code).orElseThrow(() -> Problem.notFound("no dossier with code " + code));
            checkCanRead(user, row);
            return new Loaded(
                    row, dao.components(row.id()), dao.lastHandover(row.id()).orElse(null));
        });
    }

    public DossierView view(User user, String code) {
        return toView(load(user, code));
    }

    public List<EventView> events(User user, String code) {
        return jdbi.withHandle(h -> {
            DossierRow row = h.attach(DossierDAO.class)
                    .findByCode(code)
                    .orElseThrow(() -> Problem.notFound("no dossier with code " + code));
            checkCanRead(user, row);
            return h.attach(EventDAO.class).timeline(row.id()).stream()
                    .map(e -> new EventView(
                            e.id(),
                            e.type(),
                            e.fromStatus(),
                            e.toStatus(),
                            e.at(),
                            e.actor(),
                            e.officeCode(),
                            e.agencyCode(),
                            e.note(),
                            e.payload()))
                    .toList();
        });
    }

    /** Locks the dossier, checks the transition and moves it, in one transaction (a withdrawal, say). */
    public DossierView transition(User user, String code, DossierStatus to, String note) {
        jdbi.useTransaction(h -> {
            DossierRow row = h.attach(DossierDAO.class)
                    .lockByCode(code)
                    .orElseThrow(() -> Problem.notFound("no dossier with code " + code));
            checkCanRead(user, row);
            changes.move(h, user.actor(), row, to, note, null);
        });
        return view(user, code);
    }

    public DossierView withdraw(User clerk, String code, String reason) {
        if (Text.blankToNull(reason) == null) {
            throw Problem.invalid("reason", "is required: why the applicant withdraws the dossier");
        }
        return transition(clerk, code, DossierStatus.WITHDRAWN, reason.trim());
    }

    /**
     * Lists dossiers the user may see, newest first; a clerk's list (and an office-bound
     * supervisor's) is always their own office's.
     */
    public DossierPage list(
            User user, String status, String agency, String office, boolean overdue, Long before, int limit) {
        if (status != null) {
            try {
                DossierStatus.valueOf(status);
            } catch (IllegalArgumentException e) {
                throw Problem.invalid(
                        "status", "unknown status '" + status + "'; one of " + List.of(DossierStatus.values()));
            }
        }
        if (limit < 1 || limit > 500) {
            throw Problem.invalid("limit", "must be between 1 and 500");
        }
        switch (user.role()) {
            case COUNTER -> office = user.officeCode();
            case SUPERVISOR -> office = user.officeScope() != null ? user.officeScope() : office;
            case AGENCY -> agency = user.agencyCode();
            case COURIER -> throw Problem.forbidden("couriers see their deliveries under /api/courier/deliveries");
            default -> {}
        }
        LocalDate today = LocalDate.now(clock.withZone(zone));
        DossierDAO.ListFilter filter = new DossierDAO.ListFilter(
                status == null ? null : DossierStatus.valueOf(status), agency, office, today, before);
        Set<DossierStatus> hidden = user.role() == Role.AGENCY ? NOT_HANDED_OVER : Set.of();
        List<DossierRow> rows = listJdbi.withExtension(
                DossierDAO.class,
                dao -> dao.list(
                        filter,
                        hidden,
                        overdue,
                        LegClock.Stage.TO_AGENCY.statuses(),
                        LegClock.Stage.AT_AGENCY.statuses(),
                        LegClock.Stage.TO_APPLICANT.statuses(),
                        limit + 1));
        Long next = rows.size() > limit ? rows.get(limit - 1).id() : null;
        return new DossierPage(
                rows.stream()
                        .limit(limit)
                        .map(r -> new DossierPage.Summary(
                                r.code(),
                                r.s10Number(),
                                r.status(),
                                r.procedureCode(),
                                r.agencyCode(),
                                r.officeCode(),
                                r.applicantName(),
                                r.receivedAt(),
                                r.handoverDue(),
                                r.resultDue(),
                                clock(r)))
                        .toList(),
                next);
    }

    /**
     * One place for who reads which dossier (DESIGN.md: a clerk their office's, an agency those
     * addressed to it; a supervisor bound to an office that office's, one bound to none all).
     */
    public static void checkCanRead(User user, DossierRow row) {
        boolean allowed = switch (user.role()) {
            case ADMIN -> true;
            case SUPERVISOR -> user.officeScope() == null || row.officeCode().equals(user.officeScope());
            case COUNTER -> row.officeCode().equals(user.officeCode());
            case AGENCY -> row.agencyCode().equals(user.agencyCode()) && handedOver(row);
            case COURIER -> false;
        };
        if (!allowed) {
            throw Problem.forbidden("dossier " + row.code() + " is not yours to see: it belongs to post office "
                    + row.officeCode() + (user.officeCode() == null ? "" : ", you work for " + user.officeCode()));
        }
    }

    private static boolean handedOver(DossierRow row) {
        return !NOT_HANDED_OVER.contains(row.status());
    }

    public DossierView toView(Loaded loaded) {
        DossierRow r = loaded.row();
        ReferenceData ref = referenceData.get();
        DossierStatus status = r.status();
        String procedureName =
                ref.procedure(r.procedureCode()).map(p -> p.name()).orElse(null);
        String agencyName = ref.agency(r.agencyCode()).map(a -> a.name()).orElse(null);
        String officeName = ref.office(r.officeCode()).map(o -> o.name()).orElse(null);
        DossierView.Address applicantAddress = address(ref, r.applicantStreet(), r.applicantCommune());
        DossierView.Address deliveryAddress =
                r.deliveryStreet() == null ? null : address(ref, r.deliveryStreet(), r.deliveryCommune());
        return new DossierView(
                r.code(),
                r.s10Number(),
                r.returnS10Number(),
                r.status(),
                status.labelVi(),
                status.labelEn(),
                status.allowedNext().stream().map(Enum::name).sorted().toList(),
                r.serviceForm(),
                new DossierView.Ref(r.procedureCode(), procedureName),
                new DossierView.Ref(r.agencyCode(), agencyName),
                new DossierView.Ref(r.officeCode(), officeName),
                r.routeClass(),
                new DossierView.Applicant(
                        r.applicantName(),
                        r.applicantIdType() == IdType.CCCD ? r.applicantCitizenId() : null,
                        r.applicantPhone(),
                        r.applicantEmail(),
                        applicantAddress,
                        r.applicantIdType(),
                        r.applicantCitizenId()),
                DossierView.Filer.of(r.filer()),
                new DossierView.Delivery(
                        r.deliveryMethod(),
                        deliveryAddress,
                        new DossierView.Ref(r.deliveringOffice(), ref.officeName(r.deliveringOffice()))),
                r.appointmentSlipByPost(),
                r.agencyReference(),
                handover(loaded.handover()),
                loaded.components().stream()
                        .map(c -> new DossierView.Component(c.code(), c.name(), c.form(), c.pages()))
                        .toList(),
                fees(r),
                new DossierView.DueDates(r.acceptanceDay(), r.handoverDue(), r.resultDue(), r.returnDue()),
                clock(r),
                r.receivedAt().atZoneSameInstant(zone).toOffsetDateTime(),
                r.receivedBy(),
                trackingUrl + (r.s10Number() != null ? r.s10Number() : r.code()),
                "/api/dossiers/" + r.code() + "/slip.pdf");
    }

    private DossierView.Handover handover(DossierDAO.LastHandoverRow h) {
        return h == null
                ? null
                : new DossierView.Handover(
                        h.handoverNo(),
                        h.state().name(),
                        h.receiptNumber(),
                        h.receivedAt() == null
                                ? null
                                : h.receivedAt().atZoneSameInstant(zone).toOffsetDateTime());
    }

    /** The clock running for the dossier (LegClock), as shown to staff. */
    public DossierView.Clock clock(DossierRow r) {
        DossierStatus status = r.status();
        LocalDate today = LocalDate.now(clock.withZone(zone));
        return LegClock.running(status, r.serviceForm(), r.handoverDue(), r.resultDue(), r.returnDue())
                .map(c -> new DossierView.Clock(c.stage().name(), c.holder().name(), c.due(), c.overdue(today)))
                .orElseGet(() -> new DossierView.Clock(
                        null, LegClock.waitingFor(status).map(Enum::name).orElse(null), null, false));
    }

    /** The fee items stored at intake (the tariff may change later; the receipt does not). */
    private record StoredFees(List<FeesView.Item> items, long dueOnDelivery) {}

    public FeesView fees(DossierRow r) {
        try {
            StoredFees stored = json.readerFor(StoredFees.class)
                    .without(com.fasterxml.jackson.databind.DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                    .readValue(r.fees());
            long total = r.postage() + r.governmentFee();
            return new FeesView(
                    stored.items(),
                    r.postage(),
                    r.governmentFee(),
                    total,
                    stored.dueOnDelivery(),
                    total - stored.dueOnDelivery(),
                    r.paymentMethod());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("fees of dossier " + r.code() + " are not readable", e);
        }
    }

    private static DossierView.Address address(ReferenceData ref, String street, String commune) {
        return new DossierView.Address(
                street, commune, ref.commune(commune).map(c -> c.name()).orElse(null));
    }
}
