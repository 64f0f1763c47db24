package vn.dossierpost.service.handover;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.dossierpost.api.agency.DossierManifest;
import vn.dossierpost.db.AgencyDAO;
import vn.dossierpost.db.DossierDAO;
import vn.dossierpost.db.DossierFileDAO;
import vn.dossierpost.db.DossierRow;
import vn.dossierpost.db.HandoverDAO;
import vn.dossierpost.db.OutboxDAO;
import vn.dossierpost.domain.Actor;
import vn.dossierpost.domain.AgencyChannel;
import vn.dossierpost.domain.DossierStatus;
import vn.dossierpost.domain.DossierTransitions;
import vn.dossierpost.service.JsonText;
import vn.dossierpost.service.catalogue.ReferenceData;
import vn.dossierpost.service.catalogue.ReferenceDataCache;
import vn.dossierpost.service.dossier.DossierService;
import vn.dossierpost.service.dossier.StatusChanges;

/**
 * Queued dossiers of one agency become a numbered handover ({@code BG261122-000042}), move to
 * IN_TRANSIT_TO_AGENCY with their manifests stored as they will be sent, and the handover is queued
 * for sending: all in one transaction that locks the queue rows with SKIP LOCKED, so two nodes never
 * put a dossier in two handovers.
 */
public final class HandoverBatches {
    private static final Logger LOG = LoggerFactory.getLogger(HandoverBatches.class);
    private static final DateTimeFormatter NUMBER_DAY = DateTimeFormatter.ofPattern("yyMMdd");
    private static final Actor BATCHING = Actor.system("handover");
    /** A pass of {@link #batch} stops after this many handovers, so the sender gets the first ones sooner. */
    private static final int MAX_HANDOVERS_PER_PASS = 4;

    private final Jdbi jdbi;
    private final ReferenceDataCache referenceData;
    private final DossierService dossiers;
    private final ObjectMapper json;
    private final Clock clock;
    private final ManifestBuilder manifests;

    public HandoverBatches(
            Jdbi jdbi, ReferenceDataCache referenceData, DossierService dossiers, ObjectMapper json, Clock clock) {
        this.jdbi = jdbi;
        this.referenceData = referenceData;
        this.dossiers = dossiers;
        this.json = json;
        this.clock = clock;
        this.manifests = new ManifestBuilder(clock.getZone());
    }

    private OffsetDateTime now() {
        return dossiers.changes().now();
    }

    private String toJson(Object value) {
        return JsonText.of(json, value);
    }

    /** Puts the agency's queued dossiers into handovers; returns how many dossiers it handed over. */
    public int batch(String agencyCode) {
        int total = 0;
        for (int pass = 0; pass < MAX_HANDOVERS_PER_PASS; pass++) {
            boolean[] full = {false};
            total += jdbi.inTransaction(h -> {
                AgencyChannel agency =
                        h.attach(AgencyDAO.class).channel(agencyCode).orElse(null);
                if (agency == null || !agency.active() || !agency.configured()) {
                    return 0;
                }
                List<OutboxDAO.Queued> queued =
                        h.attach(OutboxDAO.class).lockQueuedDossiers(agencyCode, now(), agency.batchSize());
                full[0] = queued.size() == agency.batchSize();
                return queued.isEmpty() ? 0 : newHandover(h, agency, queued);
            });
            if (!full[0]) {
                break;
            }
        }
        return total;
    }

    private int newHandover(Handle h, AgencyChannel agency, List<OutboxDAO.Queued> queued) {
        HandoverDAO handovers = h.attach(HandoverDAO.class);
        DossierDAO dossierDao = h.attach(DossierDAO.class);
        DossierFileDAO files = h.attach(DossierFileDAO.class);
        ReferenceData ref = referenceData.get();
        OffsetDateTime now = now();
        String no = "BG" + now.atZoneSameInstant(clock.getZone()).format(NUMBER_DAY) + "-"
                + String.format("%06d", handovers.nextNumber());
        long handoverId = handovers.insert(no, agency.code(), agency.channel(), now);
        // set-based: one statement per kind of row for the whole batch, not one per dossier
        List<Long> ids = queued.stream().map(OutboxDAO.Queued::dossierId).toList();
        Map<Long, List<DossierFileDAO.FileRow>> filesOf =
                files.ofDossiers(ids).stream().collect(Collectors.groupingBy(DossierFileDAO.FileRow::dossierId));
        Map<Long, List<DossierDAO.ComponentRow>> componentsOf = dossierDao.componentsOf(ids).stream()
                .collect(Collectors.groupingBy(
                        DossierDAO.DossierComponent::dossierId,
                        Collectors.mapping(DossierDAO.DossierComponent::row, Collectors.toList())));
        Set<Long> incomplete = Set.copyOf(files.incomplete(ids));
        List<HandoverDAO.NewItem> items = new ArrayList<>();
        List<StatusChanges.Change> leaving = new ArrayList<>();
        String payload = toJson(Map.of("handoverNo", no));
        for (DossierRow d : dossierDao.lockByIds(ids)) {
            DossierStatus status = d.status();
            if (!DossierTransitions.allowed(status, DossierStatus.IN_TRANSIT_TO_AGENCY)) {
                LOG.info(
                        "dossier {} is {} and no longer goes to the agency; dropped from the handover queue",
                        d.code(),
                        status);
                continue;
            }
            List<DossierFileDAO.FileRow> fileRows = filesOf.getOrDefault(d.id(), List.of());
            DossierManifest manifest =
                    manifests.build(no, d, componentsOf.getOrDefault(d.id(), List.of()), fileRows, ref);
            items.add(new HandoverDAO.NewItem(
                    handoverId,
                    d.id(),
                    items.size() + 1,
                    manifest.components().size(),
                    fileRows.size(),
                    fileRows.stream()
                            .mapToLong(DossierFileDAO.FileRow::sizeBytes)
                            .sum(),
                    !incomplete.contains(d.id()),
                    toJson(manifest)));
            leaving.add(new StatusChanges.Change(d, "handover " + no, payload));
        }
        dossiers.changes().moveAll(h, BATCHING, leaving, DossierStatus.IN_TRANSIT_TO_AGENCY);
        OutboxDAO outbox = h.attach(OutboxDAO.class);
        outbox.doneAll(queued.stream().map(OutboxDAO.Queued::id).toList(), now);
        if (items.isEmpty()) {
            h.execute("DELETE FROM handover WHERE id = ?", handoverId);
            return 0;
        }
        handovers.insertItems(items);
        outbox.enqueueSend(handoverId, agency.code(), now);
        LOG.info("handover {} to {}: {} dossiers", no, agency.code(), items.size());
        return items.size();
    }
}
