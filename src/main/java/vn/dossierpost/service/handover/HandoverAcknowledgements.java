package vn.dossierpost.service.handover;

import com.codahale.metrics.Meter;
import com.codahale.metrics.MetricRegistry;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import vn.dossierpost.api.agency.AgencyReceipt;
import vn.dossierpost.db.DossierDAO;
import vn.dossierpost.db.DossierRow;
import vn.dossierpost.db.EventDAO;
import vn.dossierpost.db.HandoverDAO;
import vn.dossierpost.db.HandoverDAO.HandoverRow;
import vn.dossierpost.db.HandoverDAO.ItemRow;
import vn.dossierpost.domain.Actor;
import vn.dossierpost.domain.DeadlineCalculator;
import vn.dossierpost.domain.DossierStatus;
import vn.dossierpost.domain.DueDates;
import vn.dossierpost.domain.HandoverItemState;
import vn.dossierpost.service.JsonText;
import vn.dossierpost.service.catalogue.ReferenceData;
import vn.dossierpost.service.catalogue.ReferenceDataCache;
import vn.dossierpost.service.dossier.DossierService;
import vn.dossierpost.service.dossier.StatusChanges;
import vn.dossierpost.service.notify.NotificationKind;
import vn.dossierpost.service.notify.Notifications;

/**
 * The agency's receipts of dossiers, from its answer over HTTP ({@link HandoverService#settle}) or an
 * acknowledgement file: each dossier DELIVERED_TO_AGENCY once, with its filing time and receipt
 * number, the agency's clock restarted after a supplement, and the applicant told (TT 17/2017 Art. 12).
 */
public final class HandoverAcknowledgements {
    private final Jdbi jdbi;
    private final ReferenceDataCache referenceData;
    private final DossierService dossiers;
    private final Notifications notifications;
    private final ObjectMapper json;
    private final Clock clock;
    private final LocalTime cutOff;
    private final Meter delivered;

    public HandoverAcknowledgements(
            Jdbi jdbi,
            ReferenceDataCache referenceData,
            DossierService dossiers,
            Notifications notifications,
            ObjectMapper json,
            Clock clock,
            LocalTime cutOff,
            MetricRegistry metrics) {
        this.jdbi = jdbi;
        this.referenceData = referenceData;
        this.dossiers = dossiers;
        this.notifications = notifications;
        this.json = json;
        this.clock = clock;
        this.cutOff = cutOff;
        this.delivered = metrics.meter("handover.dossiers.delivered");
    }

    /**
     * The agency has the dossier: DELIVERED_TO_AGENCY with the filing time and receipt number, once.
     * A second acknowledgement of the same dossier (a resend after a crash, an agency that answers
     * twice, an acknowledgement file dropped again) changes nothing.
     *
     * @return the dossier codes of the receipts that are not in that handover to that agency (all of
     *         them when the handover is unknown); the others are applied
     */
    public List<String> acknowledge(String agencyCode, String handoverNo, List<AgencyReceipt> receipts) {
        int[] newly = {0};
        List<String> unknown = jdbi.inTransaction(h -> {
            HandoverDAO handovers = h.attach(HandoverDAO.class);
            HandoverRow handover = handovers
                    .findByNo(handoverNo)
                    .filter(x -> x.agencyCode().equals(agencyCode))
                    .orElse(null);
            if (handover == null) {
                return receipts.stream().map(AgencyReceipt::dossierCode).toList();
            }
            handovers.lock(handover.id());
            Acknowledged result = acknowledge(h, handover.id(), handoverNo, agencyCode, receipts);
            newly[0] = result.newlyDelivered();
            handovers.deliveredIfComplete(handover.id(), dossiers.changes().now());
            return result.unknown();
        });
        delivered.mark(newly[0]);
        return unknown;
    }

    /**
     * A dossier filed again after a supplement: the agency's processing time counts from this filing
     * (Decree 61/2018 Art. 18), so its appointment and return dates move. Returns the new appointments.
     */
    private Map<Long, LocalDate> restartAgencyClock(
            Handle h, List<StatusChanges.Change> delivered, Map<Long, AgencyReceipt> receipts) {
        if (delivered.isEmpty()) {
            return Map.of();
        }
        List<Long> ids = delivered.stream().map(c -> c.lockedRow().id()).toList();
        Set<Long> supplemented =
                Set.copyOf(h.attach(EventDAO.class).having(ids, DossierStatus.SUPPLEMENT_REQUESTED.name()));
        if (supplemented.isEmpty()) {
            return Map.of();
        }
        ReferenceData ref = referenceData.get();
        DeadlineCalculator deadlines = new DeadlineCalculator(ref.calendar(), cutOff);
        Map<Long, LocalDate> moved = new HashMap<>();
        for (StatusChanges.Change c : delivered) {
            DossierRow d = c.lockedRow();
            if (!supplemented.contains(d.id())) {
                continue;
            }
            int days = ref.procedure(d.procedureCode())
                    .map(p -> p.processingDays())
                    .orElse(0);
            DueDates due = deadlines.afterSupplement(
                    receipts.get(d.id())
                            .receivedAt()
                            .atZoneSameInstant(clock.getZone())
                            .toLocalDateTime(),
                    days,
                    new DueDates(d.acceptanceDay(), d.handoverDue(), d.resultDue(), d.returnDue()));
            h.attach(DossierDAO.class).rescheduled(d.id(), due.resultAppointment(), due.returnBy());
            moved.put(d.id(), due.resultAppointment());
        }
        return moved;
    }

    record Acknowledged(int newlyDelivered, List<String> unknown) {}

    /**
     * Within a transaction holding the handover's lock (every writer of its items takes it first):
     * records the receipts of dossiers not yet delivered, set-based, and names the dossier codes that
     * are not in the handover.
     */
    Acknowledged acknowledge(
            Handle h, long handoverId, String handoverNo, String agencyCode, List<AgencyReceipt> receipts) {
        HandoverDAO handovers = h.attach(HandoverDAO.class);
        Map<String, ItemRow> items =
                handovers.items(handoverId).stream().collect(Collectors.toMap(ItemRow::dossierCode, i -> i));
        List<String> unknown = new ArrayList<>();
        Map<Long, AgencyReceipt> fresh = new LinkedHashMap<>();
        OffsetDateTime now = dossiers.changes().now();
        for (AgencyReceipt r : receipts) {
            ItemRow item = items.get(r.dossierCode());
            if (item == null) {
                unknown.add(r.dossierCode());
            } else if (item.state() != HandoverItemState.DELIVERED) {
                fresh.putIfAbsent(
                        item.dossierId(),
                        r.receivedAt() != null ? r : new AgencyReceipt(r.dossierCode(), r.receiptNumber(), now));
            }
        }
        if (fresh.isEmpty()) {
            return new Acknowledged(0, unknown);
        }
        List<Long> ids = new ArrayList<>(fresh.keySet());
        List<String> numbers =
                ids.stream().map(id -> fresh.get(id).receiptNumber()).toList();
        List<OffsetDateTime> filedAt =
                ids.stream().map(id -> fresh.get(id).receivedAt()).toList();
        handovers.itemsDelivered(handoverId, ids, numbers, filedAt);
        List<StatusChanges.Change> changes = new ArrayList<>();
        for (DossierRow d : h.attach(DossierDAO.class).lockByIds(ids)) {
            // a dossier that moved on meanwhile (RECEIVED event first, say) keeps its status; the receipt is still kept
            if (d.status() == DossierStatus.IN_TRANSIT_TO_AGENCY) {
                AgencyReceipt r = fresh.get(d.id());
                String note = r.receiptNumber() == null
                        ? "handover " + handoverNo
                        : "handover " + handoverNo + ", receipt " + r.receiptNumber();
                changes.add(new StatusChanges.Change(
                        d, note, JsonText.of(json, new Filing(handoverNo, r.receiptNumber(), r.receivedAt()))));
            }
        }
        dossiers.changes()
                .moveAll(
                        h,
                        new Actor("agency:" + agencyCode, null, agencyCode),
                        changes,
                        DossierStatus.DELIVERED_TO_AGENCY);
        h.attach(DossierDAO.class).filed(ids, filedAt, numbers);
        Map<Long, LocalDate> moved = restartAgencyClock(h, changes, fresh);
        // TT 17/2017 Art. 12: tell the applicant the dossier reached the agency, and the appointment date
        notifications.enqueueAll(
                h,
                changes.stream().map(StatusChanges.Change::lockedRow).toList(),
                NotificationKind.DELIVERED_TO_AGENCY,
                d -> receiptFacts(d, fresh.get(d.id()), moved.getOrDefault(d.id(), d.resultDue())));
        return new Acknowledged(fresh.size(), unknown);
    }

    private static Map<String, Object> receiptFacts(DossierRow d, AgencyReceipt receipt, LocalDate appointment) {
        Map<String, Object> facts = new HashMap<>();
        facts.put("receiptNumber", receipt.receiptNumber());
        facts.put("appointmentDate", appointment);
        return facts;
    }

    private record Filing(String handoverNo, String receiptNumber, OffsetDateTime filedAt) {}
}
