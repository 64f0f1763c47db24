package vn.dossierpost.service.returnleg;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.ZoneId;
import java.util.List;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import vn.dossierpost.api.AttemptView;
import vn.dossierpost.api.DeliveryView;
import vn.dossierpost.db.DeliveryDAO;
import vn.dossierpost.db.DeliveryDAO.Delivery;
import vn.dossierpost.db.DossierDAO;
import vn.dossierpost.db.DossierRow;
import vn.dossierpost.domain.DeliveryMethod;
import vn.dossierpost.domain.DossierStatus;
import vn.dossierpost.domain.Role;
import vn.dossierpost.domain.User;
import vn.dossierpost.service.Problem;
import vn.dossierpost.service.catalogue.ReferenceDataCache;
import vn.dossierpost.storage.BlobStore;

/**
 * Return items as the delivering office, couriers and supervisors read them: one item, an office's
 * list, every update recorded for an item and the proof images taken at a delivery.
 */
public final class DeliveryQueries {
    private final Jdbi jdbi;
    private final ReferenceDataCache referenceData;
    private final BlobStore store;
    private final ZoneId zone;

    public DeliveryQueries(Jdbi jdbi, ReferenceDataCache referenceData, BlobStore store, ZoneId zone) {
        this.jdbi = jdbi;
        this.referenceData = referenceData;
        this.store = store;
        this.zone = zone;
    }

    public DeliveryView view(User user, String s10) {
        return jdbi.withHandle(h -> {
            long id = DeliveryService.dossierOf(h, s10);
            Delivery delivery = h.attach(DeliveryDAO.class).find(id).orElseThrow();
            if (!(user.role() == Role.COURIER && user.username().equals(delivery.courier()))) {
                DeliveryService.checkOffice(user, delivery);
            }
            return view(h, id);
        });
    }

    /** The item of a dossier, within the caller's transaction. */
    public DeliveryView view(Handle h, long dossierId) {
        DossierRow d = h.attach(DossierDAO.class).findById(dossierId).orElseThrow();
        Delivery l = h.attach(DeliveryDAO.class).find(dossierId).orElseThrow();
        return toView(new DeliveryDAO.Item(
                d.id(),
                l.s10Number(),
                d.code(),
                d.status(),
                l.officeCode(),
                l.method(),
                d.applicantName(),
                d.applicantPhone(),
                d.deliveryStreet() != null ? d.deliveryStreet() : d.applicantStreet(),
                l.communeCode(),
                l.courier(),
                l.amountDue(),
                l.failedAttempts(),
                l.nextAttemptFrom(),
                l.heldUntil(),
                l.arrivedAt(),
                l.finishedAt()));
    }

    DeliveryView toView(DeliveryDAO.Item i) {
        DossierStatus s = i.status();
        String communeName = i.communeCode() == null
                ? null
                : referenceData
                        .get()
                        .commune(i.communeCode())
                        .map(c -> c.name())
                        .orElse(null);
        return new DeliveryView(
                i.s10Number(),
                i.dossierCode(),
                s,
                s.labelVi(),
                i.method(),
                i.officeCode(),
                new DeliveryView.Recipient(
                        i.recipientName(),
                        i.recipientPhone(),
                        i.method() == DeliveryMethod.HOME ? i.street() : null,
                        i.communeCode(),
                        communeName),
                i.courier(),
                i.amountDue(),
                i.failedAttempts(),
                i.nextAttemptFrom(),
                i.heldUntil(),
                i.arrivedAt() == null
                        ? null
                        : i.arrivedAt().atZoneSameInstant(zone).toOffsetDateTime(),
                i.finishedAt() == null
                        ? null
                        : i.finishedAt().atZoneSameInstant(zone).toOffsetDateTime(),
                "/api/deliveries/" + i.s10Number() + "/slip.pdf");
    }

    /** An office's items, in the given status or in any not yet finished. */
    public List<DeliveryView> ofOffice(User user, String office, String status, int limit) {
        List<DossierStatus> statuses;
        if (status == null) {
            statuses = List.of(
                    DossierStatus.RESULT_COLLECTED,
                    DossierStatus.OUT_FOR_DELIVERY,
                    DossierStatus.DELIVERY_FAILED,
                    DossierStatus.HELD_AT_OFFICE);
        } else {
            try {
                statuses = List.of(DossierStatus.valueOf(status));
            } catch (IllegalArgumentException e) {
                throw Problem.invalid("status", "unknown status '" + status + "'");
            }
        }
        return ofOffice(user, office, statuses, limit);
    }

    /** The items of an office in any of {@code statuses}, the user's own office for one bound to it. */
    public List<DeliveryView> ofOffice(User user, String office, List<DossierStatus> statuses, int limit) {
        String officeCode = user.officeScope() != null ? user.officeScope() : office;
        if (officeCode == null) {
            throw Problem.invalid("office", "is required: the post office code");
        }
        if (limit < 1 || limit > 500) {
            throw Problem.invalid("limit", "must be between 1 and 500");
        }
        return jdbi.withExtension(DeliveryDAO.class, dao -> dao.ofOffice(officeCode, statuses, limit)).stream()
                .map(this::toView)
                .toList();
    }

    /** Every update recorded for an item, for the staff of its office (a complaint, a dispute about money). */
    public List<AttemptView> attempts(User user, String s10) {
        return jdbi.withHandle(h -> {
            long id = DeliveryService.dossierOf(h, s10);
            Delivery delivery = h.attach(DeliveryDAO.class).find(id).orElseThrow();
            DeliveryService.checkOffice(user, delivery);
            return h.attach(DeliveryDAO.class).attempts(id).stream()
                    .map(a -> new AttemptView(
                            a.id(),
                            a.clientAttemptId(),
                            a.outcome(),
                            a.at().atZoneSameInstant(zone).toOffsetDateTime(),
                            a.recordedAt().atZoneSameInstant(zone).toOffsetDateTime(),
                            a.actor(),
                            a.atCounter(),
                            a.recipientName(),
                            a.recipientRelation(),
                            a.idDocumentType(),
                            a.idLast4(),
                            a.proxyAuthorisation(),
                            a.proofSha256() == null
                                    ? null
                                    : "/api/deliveries/" + delivery.s10Number() + "/attempts/" + a.id() + "/proof",
                            a.latitude(),
                            a.longitude(),
                            a.reason(),
                            a.action(),
                            a.amountCollected()))
                    .toList();
        });
    }

    /** The signature or photo taken at a delivery. */
    public record ProofImage(String mediaType, byte[] content) {}

    public ProofImage proof(User user, String s10, long attemptId) {
        DeliveryDAO.Attempt a = jdbi.withHandle(h -> {
            long id = DeliveryService.dossierOf(h, s10);
            DeliveryService.checkOffice(
                    user, h.attach(DeliveryDAO.class).find(id).orElseThrow());
            return h.attach(DeliveryDAO.class).attempts(id).stream()
                    .filter(x -> x.id() == attemptId && x.proofSha256() != null)
                    .findFirst()
                    .orElseThrow(
                            () -> Problem.notFound("attempt " + attemptId + " of item " + s10 + " has no proof image"));
        });
        try {
            ByteArrayOutputStream image = new ByteArrayOutputStream();
            long size = store.size(a.proofSha256())
                    .orElseThrow(() -> new IOException("the proof image is not in " + store.location()));
            store.copy(a.proofSha256(), 0, size, image);
            return new ProofImage(a.proofMediaType(), image.toByteArray());
        } catch (IOException e) {
            throw new UncheckedIOException("the proof image " + a.proofSha256() + " cannot be read", e);
        }
    }
}
