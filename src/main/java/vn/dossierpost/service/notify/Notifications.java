package vn.dossierpost.service.notify;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.jdbi.v3.core.Handle;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.dossierpost.db.DossierRow;
import vn.dossierpost.db.NotificationDAO;
import vn.dossierpost.db.NotificationDAO.NewNotification;
import vn.dossierpost.domain.InvalidValueException;
import vn.dossierpost.domain.PhoneNumber;
import vn.dossierpost.service.catalogue.ReferenceData;
import vn.dossierpost.service.catalogue.ReferenceDataCache;

/**
 * Telling the applicant, written in the transaction of the state change that is the news: one row per
 * channel the applicant has (SMS always, the phone being mandatory at intake; e-mail when they gave an
 * address), the text rendered now from {@link NotificationTemplates} so the record shows exactly what
 * was said. routes/notifications.yaml sends the rows later ({@link NotificationDelivery}).
 * <p>
 * A message must never cost the state change: a template or a row that fails is logged and left out
 * (the insert runs under a savepoint, so even a failed statement does not abort the caller's
 * transaction), and nothing here talks to a mail server or a gateway.
 */
public final class Notifications {
    private static final Logger LOG = LoggerFactory.getLogger(Notifications.class);

    private final ReferenceDataCache referenceData;
    private final NotificationTemplates templates;
    private final Clock clock;
    private final String trackingUrl;

    public Notifications(
            ReferenceDataCache referenceData, NotificationTemplates templates, Clock clock, String trackingUrl) {
        this.referenceData = referenceData;
        this.templates = templates;
        this.clock = clock;
        this.trackingUrl = trackingUrl;
    }

    /** In the caller's transaction: the link asking the applicant to rate the service, null if asked before. */
    public String ratingLink(Handle h, DossierRow dossier) {
        return Ratings.invite(h, dossier.id(), trackingUrl, OffsetDateTime.now(clock));
    }

    /**
     * Queues the messages of one event for one dossier, inside the caller's transaction ({@code h}).
     *
     * @param facts what the templates say beyond the dossier itself: appointmentDate (a LocalDate;
     *              defaults to the dossier's result_due), reason, missingItems (a list or text),
     *              newAppointmentDate, resultReference, receiptNumber, agencyName (defaults to the
     *              catalogue's); null values count as not known
     */
    public void enqueue(Handle h, DossierRow dossier, NotificationKind kind, Map<String, ?> facts) {
        enqueueAll(h, List.of(dossier), kind, d -> facts);
    }

    /** As {@link #enqueue} for several dossiers at once (an agency's receipts for a whole handover): one batched insert. */
    public void enqueueAll(
            Handle h, List<DossierRow> dossiers, NotificationKind kind, Function<DossierRow, Map<String, ?>> facts) {
        if (dossiers.isEmpty()) {
            return;
        }
        OffsetDateTime now = OffsetDateTime.now(clock);
        List<NewNotification> rows = new ArrayList<>();
        for (DossierRow d : dossiers) {
            try {
                rows.addAll(messages(d, kind, facts.apply(d), now));
            } catch (RuntimeException e) {
                LOG.error(
                        "the {} message to the applicant of dossier {} could not be written: {}", kind, d.code(), e, e);
            }
        }
        insert(h, rows, kind);
    }

    /** Inserts under a savepoint, so a failed insert never aborts the caller's transaction. */
    private void insert(Handle h, List<NewNotification> rows, NotificationKind kind) {
        if (rows.isEmpty()) {
            return;
        }
        boolean guarded = h.isInTransaction();
        if (guarded) {
            h.savepoint("notifications");
        }
        try {
            h.attach(NotificationDAO.class).insertAll(rows);
            if (guarded) {
                h.releaseSavepoint("notifications");
            }
        } catch (RuntimeException e) {
            if (!guarded) {
                throw e;
            }
            h.rollbackToSavepoint("notifications");
            LOG.error("{} messages ({}) to applicants were not queued: {}", rows.size(), kind, e, e);
        }
    }

    /**
     * The messages of one event for a dossier not stored yet, for the caller to write with it (intake
     * writes them in its own statement); none when they cannot be rendered, which is logged.
     */
    public List<NewNotification> render(DossierRow d, NotificationKind kind, Map<String, ?> facts) {
        try {
            return messages(d, kind, facts, OffsetDateTime.now(clock));
        } catch (RuntimeException e) {
            LOG.error("the {} message to the applicant of dossier {} could not be written: {}", kind, d.code(), e, e);
            return List.of();
        }
    }

    /** Who a home pickup booking's messages go to: its applicant, before any dossier exists. */
    public record Booker(long homePickupId, String name, String phone, String email) {}

    /**
     * Queues the messages of one event about a home pickup booking (booked, moved, cancelled) inside
     * the caller's transaction; {@code facts} as {@link #enqueue}'s, with the booking's own
     * (bookingCode, pickupWindow, procedureName, officeName).
     */
    public void enqueueAboutBooking(Handle h, Booker to, NotificationKind kind, Map<String, ?> facts) {
        Map<String, Object> all = new HashMap<>();
        all.put("applicantName", to.name());
        facts.forEach((k, v) -> {
            if (v != null) {
                all.put(k, v);
            }
        });
        try {
            insert(
                    h,
                    rows(null, to.homePickupId(), to.phone(), to.email(), kind, all, OffsetDateTime.now(clock)),
                    kind);
        } catch (RuntimeException e) {
            LOG.error("the {} message of home pickup {} could not be written: {}", kind, to.homePickupId(), e, e);
        }
    }

    private List<NewNotification> messages(
            DossierRow d, NotificationKind kind, Map<String, ?> given, OffsetDateTime now) {
        return rows(d.id(), null, d.applicantPhone(), d.applicantEmail(), kind, facts(d, given), now);
    }

    /** One SMS, and one e-mail where there is an address. */
    private List<NewNotification> rows(
            Long dossierId,
            Long homePickupId,
            String phone,
            String email,
            NotificationKind kind,
            Map<String, ?> facts,
            OffsetDateTime now) {
        NotificationTemplates.Rendered text = templates.render(kind, facts);
        List<NewNotification> rows = new ArrayList<>(2);
        rows.add(new NewNotification(
                dossierId, homePickupId, kind.name(), "SMS", smsNumber(phone), null, SmsText.of(text.sms()), now));
        if (email != null && !email.isBlank()) {
            rows.add(new NewNotification(
                    dossierId, homePickupId, kind.name(), "EMAIL", email.strip(), text.subject(), text.email(), now));
        }
        return rows;
    }

    /** The dossier's own facts, then the caller's (which win). */
    private Map<String, Object> facts(DossierRow d, Map<String, ?> given) {
        ReferenceData ref = referenceData.get();
        Map<String, Object> facts = new HashMap<>();
        facts.put("dossierCode", d.code());
        facts.put("s10Number", d.s10Number());
        facts.put("applicantName", d.applicantName());
        facts.put(
                "procedureName",
                ref.procedure(d.procedureCode()).map(p -> p.name()).orElse(d.procedureCode()));
        facts.put("agencyName", ref.agency(d.agencyCode()).map(a -> a.name()).orElse(d.agencyCode()));
        facts.put("officeName", ref.office(d.officeCode()).map(o -> o.name()).orElse(null));
        facts.put("trackingUrl", trackingUrl + (d.s10Number() != null ? d.s10Number() : d.code()));
        facts.put("appointmentDate", d.resultDue());
        if (given != null) {
            given.forEach((k, v) -> {
                if (v != null) {
                    facts.put(k, v);
                }
            });
        }
        return facts;
    }

    /** E.164 (+84...) as gateways want it; a number stored before validation tightened goes as it is. */
    private static String smsNumber(String phone) {
        try {
            return PhoneNumber.parse(phone).international();
        } catch (InvalidValueException e) {
            return phone;
        }
    }
}
