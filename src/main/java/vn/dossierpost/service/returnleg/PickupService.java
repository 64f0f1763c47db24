package vn.dossierpost.service.returnleg;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import vn.dossierpost.api.CollectionRequest;
import vn.dossierpost.api.DeliveryView;
import vn.dossierpost.api.PickupView;
import vn.dossierpost.db.DeliveryDAO;
import vn.dossierpost.db.DossierDAO;
import vn.dossierpost.db.DossierRow;
import vn.dossierpost.db.PickupDAO;
import vn.dossierpost.domain.Actor;
import vn.dossierpost.domain.DeliveryMethod;
import vn.dossierpost.domain.DossierStatus;
import vn.dossierpost.domain.Role;
import vn.dossierpost.domain.TimelineEvent;
import vn.dossierpost.domain.User;
import vn.dossierpost.pdf.ReturnSlipData;
import vn.dossierpost.pdf.ReturnSlipPdf;
import vn.dossierpost.pdf.SlipData;
import vn.dossierpost.service.JsonText;
import vn.dossierpost.service.Problem;
import vn.dossierpost.service.catalogue.ReferenceData;
import vn.dossierpost.service.catalogue.ReferenceDataCache;
import vn.dossierpost.service.counter.S10Series;
import vn.dossierpost.service.dossier.DossierService;

/**
 * Collecting results at agencies (QĐ 45/2016 Art. 9): the pickup task made with the agency's
 * RESULT_READY (or REFUSED, for a dossier whose answer comes back by post), and the collection
 * itself — the new S10 item of the return leg, its slip, the government fee remitted to the agency
 * and the dossier RESULT_COLLECTED, in one transaction.
 */
public final class PickupService {
    private static final TypeReference<List<Map<String, Object>>> ITEMS = new TypeReference<>() {};

    private final Jdbi jdbi;
    private final DossierService dossiers;
    private final DeliveryService deliveries;
    private final DeliveryQueries queries;
    private final ReferenceDataCache referenceData;
    private final ObjectMapper json;
    private final Clock clock;
    private final ZoneId zone;
    private final String trackingUrl;

    public PickupService(
            Jdbi jdbi,
            DossierService dossiers,
            DeliveryService deliveries,
            DeliveryQueries queries,
            ReferenceDataCache referenceData,
            ObjectMapper json,
            Clock clock,
            ZoneId zone,
            String trackingUrl) {
        this.jdbi = jdbi;
        this.dossiers = dossiers;
        this.deliveries = deliveries;
        this.queries = queries;
        this.referenceData = referenceData;
        this.json = json;
        this.clock = clock;
        this.zone = zone;
        this.trackingUrl = trackingUrl;
    }

    /**
     * Called in the agency event's transaction: a result, or a refusal notice, that the post brings
     * back makes a pickup task; a SEND_ONLY dossier's journey with the post ends at the agency.
     */
    public static void onAgencyAnswer(
            Handle h, DossierRow d, DossierStatus to, String resultReference, OffsetDateTime at) {
        if (!d.serviceForm().returns()) {
            return;
        }
        if (to == DossierStatus.RESULT_READY || to == DossierStatus.REFUSED) {
            h.attach(PickupDAO.class)
                    .create(
                            d.id(),
                            to == DossierStatus.REFUSED ? "REFUSAL" : "RESULT",
                            resultReference,
                            at.withNano(0));
        }
    }

    /** An office's results still to collect; a clerk sees their own office's. */
    public List<PickupView> open(User user, String office, int limit) {
        String officeCode = user.officeScope() != null ? user.officeScope() : office;
        if (officeCode == null) {
            throw Problem.invalid("office", "is required: the post office code");
        }
        if (limit < 1 || limit > 500) {
            throw Problem.invalid("limit", "must be between 1 and 500");
        }
        return jdbi.withExtension(PickupDAO.class, dao -> dao.open(officeCode, limit)).stream()
                .map(this::view)
                .toList();
    }

    /** The result of one dossier still to collect at the user's office, or 404. */
    public PickupView openOf(User user, String code) {
        String officeCode = user.officeScope();
        if (officeCode == null) {
            throw Problem.invalid("office", "a result is collected by the staff of the office that serves the agency");
        }
        return jdbi.withExtension(PickupDAO.class, dao -> dao.openOf(officeCode, code))
                .map(this::view)
                .orElseThrow(() -> Problem.notFound("no result of " + code + " waits for post office " + officeCode));
    }

    private PickupView view(PickupDAO.Pickup p) {
        var agency = referenceData.get().agency(p.agencyCode());
        return new PickupView(
                p.dossierCode(),
                p.kind(),
                p.resultReference(),
                p.agencyCode(),
                agency.map(a -> a.name()).orElse(null),
                agency.map(a -> a.address()).orElse(null),
                p.officeCode(),
                zoned(p.createdAt()),
                zoned(p.collectedAt()),
                p.collectedBy());
    }

    private OffsetDateTime zoned(OffsetDateTime t) {
        return t == null ? null : t.atZoneSameInstant(zone).toOffsetDateTime();
    }

    /** Records the collection by a clerk of the collecting office. */
    public DeliveryView collect(User clerk, String code, CollectionRequest request) {
        if (clerk.role() != Role.COUNTER) {
            throw Problem.forbidden("a clerk of the collecting post office records the collection");
        }
        String items = items(request);
        return jdbi.inTransaction(h -> {
            DossierRow d = h.attach(DossierDAO.class)
                    .lockByCode(code)
                    .orElseThrow(() -> Problem.notFound("no dossier with code " + code));
            PickupDAO pickups = h.attach(PickupDAO.class);
            PickupDAO.Pickup p = pickups.find(d.id())
                    .orElseThrow(() -> Problem.conflict(
                            "dossier " + code + " has no result to " + "collect; it is " + d.status(),
                            Map.of("currentStatus", d.status())));
            if (!p.officeCode().equals(clerk.officeCode())) {
                throw Problem.forbidden("the result of " + code + " is collected by post office " + p.officeCode());
            }
            if (p.collectedAt() != null) {
                throw Problem.conflict(
                        "the result of " + code + " was collected at " + zoned(p.collectedAt()) + " by "
                                + p.collectedBy(),
                        Map.of("currentStatus", d.status()));
            }
            OffsetDateTime now = OffsetDateTime.now(clock.withZone(zone)).withNano(0);
            String s10 = S10Series.take(h, clerk.officeCode());
            long fee = d.governmentFee();
            String officer =
                    request.agencyOfficer() == null || request.agencyOfficer().isBlank()
                            ? null
                            : request.agencyOfficer().strip();
            pickups.collected(d.id(), now, clerk.username(), officer, items, fee);
            h.attach(DossierDAO.class).returnS10(d.id(), s10);
            boolean home = d.deliveryMethod() == DeliveryMethod.HOME;
            DeliveryDAO.Delivery delivery = new DeliveryDAO.Delivery(
                    d.id(),
                    s10,
                    d.deliveringOffice(),
                    home ? DeliveryMethod.HOME : DeliveryMethod.PICKUP_AT_OFFICE,
                    home ? (d.deliveryCommune() != null ? d.deliveryCommune() : d.applicantCommune()) : null,
                    null,
                    null,
                    null,
                    dossiers.fees(d).dueOnDelivery(),
                    0,
                    null,
                    null,
                    null,
                    null);
            h.attach(DeliveryDAO.class).insert(delivery);
            Map<String, Object> payload = new LinkedHashMap<>();
            payload.put("returnS10Number", s10);
            payload.put("governmentFeeRemitted", fee);
            payload.put("items", JsonText.read(json, items, ITEMS));
            dossiers.changes()
                    .move(
                            h,
                            clerk.actor(),
                            d,
                            DossierStatus.RESULT_COLLECTED,
                            (p.kind().equals("REFUSAL") ? "refusal notice" : "result")
                                    + (p.resultReference() == null ? "" : " " + p.resultReference())
                                    + " collected; item " + s10
                                    + (fee > 0 ? "; government fee " + fee + " VND remitted to the agency" : ""),
                            JsonText.of(json, payload));
            dossiers.dueDates().resultCollected(h, d, now);
            transfer(h, clerk, d);
            if (d.deliveringOffice().equals(clerk.officeCode())) {
                DossierRow collected =
                        h.attach(DossierDAO.class).findById(d.id()).orElseThrow();
                deliveries.arrive(
                        h,
                        clerk,
                        collected,
                        h.attach(DeliveryDAO.class).find(d.id()).orElseThrow());
            }
            return queries.view(h, d.id());
        });
    }

    /**
     * A result delivered by another office than the one that took the dossier in (the office serving
     * the delivery address) goes there: the timeline says so, placed at the delivering office, and
     * public tracking shows it.
     */
    private void transfer(Handle h, User clerk, DossierRow d) {
        String from = d.officeCode();
        String to = d.deliveringOffice();
        if (from.equals(to)) {
            return;
        }
        ReferenceData ref = referenceData.get();
        dossiers.changes()
                .record(
                        h,
                        new Actor(clerk.username(), to, null),
                        d.id(),
                        TimelineEvent.TRANSFERRED_TO_DELIVERY_OFFICE,
                        "Chuyển bưu cục phát: " + ref.officeName(from) + " → " + ref.officeName(to),
                        JsonText.of(json, Map.of("fromOffice", from, "toOffice", to)));
    }

    /** The items as stored; their shape was checked by the request's annotations (Jersey's {@code @Valid}). */
    private String items(CollectionRequest r) {
        List<Map<String, Object>> items = r.items().stream()
                .<Map<String, Object>>map(i -> Map.of(
                        "name",
                        java.text.Normalizer.normalize(i.name().strip(), java.text.Normalizer.Form.NFC),
                        "kind",
                        i.kind(),
                        "copies",
                        i.copies()))
                .toList();
        if (items.stream().noneMatch(m -> m.get("kind").equals("RESULT"))) {
            throw Problem.invalid(
                    "items", "must hold the result itself (kind RESULT): the decision, licence or refusal notice");
        }
        return JsonText.of(json, items);
    }

    /** The return slip of an item collected, for the staff who may see its dossier. */
    public byte[] slip(User user, String s10) {
        return jdbi.withHandle(h -> {
            long id = DeliveryService.dossierOf(h, s10);
            DossierRow d = h.attach(DossierDAO.class).findById(id).orElseThrow();
            PickupDAO.Pickup p = h.attach(PickupDAO.class)
                    .find(id)
                    .orElseThrow(() -> Problem.notFound("item " + s10 + " has no collection at an agency"));
            DeliveryDAO.Delivery l = h.attach(DeliveryDAO.class).find(id).orElseThrow();
            // the collecting office prints it at the agency, the delivering office and the courier carry it
            boolean allowed = switch (user.role()) {
                case ADMIN -> true;
                case SUPERVISOR ->
                    user.officeScope() == null
                            || user.officeScope().equals(p.officeCode())
                            || user.officeScope().equals(l.officeCode());
                case COUNTER ->
                    user.officeCode().equals(p.officeCode())
                            || user.officeCode().equals(l.officeCode());
                case COURIER -> user.username().equals(l.courier());
                case AGENCY -> false;
            };
            if (!allowed) {
                throw Problem.forbidden("item " + s10 + " is collected by post office " + p.officeCode()
                        + " and delivered by " + l.officeCode());
            }
            return new ReturnSlipPdf().render(slipData(d, p, l));
        });
    }

    private ReturnSlipData slipData(DossierRow d, PickupDAO.Pickup p, DeliveryDAO.Delivery l) {
        ReferenceData ref = referenceData.get();
        var agency = ref.agency(d.agencyCode()).orElseThrow();
        var collecting = ref.office(p.officeCode()).orElseThrow();
        var delivering = ref.office(l.officeCode()).orElseThrow();
        String address = l.method() == DeliveryMethod.HOME
                ? (d.deliveryStreet() != null ? d.deliveryStreet() : d.applicantStreet()) + ", "
                        + ref.commune(l.communeCode()).map(c -> c.name()).orElse(l.communeCode())
                : "Nhận tại bưu cục: " + delivering.name();
        List<ReturnSlipData.Item> items = JsonText.read(json, p.items(), ITEMS).stream()
                .map(m -> new ReturnSlipData.Item(
                        (String) m.get("name"), (String) m.get("kind"), ((Number) m.get("copies")).intValue()))
                .toList();
        return new ReturnSlipData(
                l.s10Number(),
                d.code(),
                d.s10Number(),
                ref.procedure(d.procedureCode()).map(x -> x.name()).orElse(d.procedureCode()),
                p.kind(),
                p.resultReference(),
                new SlipData.Party(agency.name(), agency.address(), agency.phone(), agency.email()),
                new SlipData.Party(d.applicantName(), address, d.applicantPhone(), d.applicantEmail()),
                l.method().name(),
                new SlipData.PostOffice(collecting.name(), collecting.address(), collecting.phone()),
                new SlipData.PostOffice(delivering.name(), delivering.address(), delivering.phone()),
                items,
                l.amountDue(),
                p.feeRemitted() == null ? 0 : p.feeRemitted(),
                p.collectedAt().atZoneSameInstant(zone).toOffsetDateTime(),
                p.collectedBy(),
                p.agencyOfficer(),
                trackingUrl + l.s10Number());
    }
}
