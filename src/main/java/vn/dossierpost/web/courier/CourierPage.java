package vn.dossierpost.web.courier;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import vn.dossierpost.api.CommuneView;
import vn.dossierpost.api.CourierWork;
import vn.dossierpost.api.DeliveryView;
import vn.dossierpost.api.HomePickupView;
import vn.dossierpost.auth.WebSession;
import vn.dossierpost.domain.DossierStatus;
import vn.dossierpost.domain.FailureAction;
import vn.dossierpost.domain.FailureReason;
import vn.dossierpost.domain.HomePickupState;
import vn.dossierpost.domain.Leg;
import vn.dossierpost.service.catalogue.ReferenceData;
import vn.dossierpost.web.Page;

/**
 * A courier's day on the phone: the items grouped by commune (in the order the list gives them),
 * each with its full address, the map and call links, the amount to collect and its actions; and the
 * day's end, the cash their deliveries collected, to hand in.
 */
public final class CourierPage extends Page {
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd/MM/yyyy");

    /** One item as the phone shows it; {@code open} while the courier still has something to do with it. */
    public record Item(
            String s10,
            String dossierCode,
            String status,
            String statusLabel,
            String name,
            String phone,
            String address,
            String mapUrl,
            long amountDue,
            int attempt,
            String nextAttemptFrom,
            boolean open) {}

    public record Commune(String name, List<Item> items) {}

    public record Choice(String value, String label) {}

    /** A home pickup booking of the day, with its full address and a map link. */
    public record Visit(HomePickupView booking, String address, String mapUrl, boolean open) {}

    private final String date;
    private final String isoDate;
    private final List<Commune> communes;
    private final long amountToCollect;
    private final long cashCollected;
    private final List<Visit> visits;

    CourierPage(WebSession session, CourierWork work, List<HomePickupView> pickups, ReferenceData referenceData) {
        super("courier/today.ftlh", "Bưu tá · Hôm nay");
        signedIn(session);
        this.date = DAY.format(work.date());
        this.isoDate = work.date().toString();
        Map<String, List<Item>> byCommune = new LinkedHashMap<>();
        for (DeliveryView d : work.deliveries()) {
            String commune = d.recipient().communeName() != null ? d.recipient().communeName() : "Chưa rõ xã/phường";
            byCommune.computeIfAbsent(commune, c -> new ArrayList<>()).add(item(d, referenceData));
        }
        // within a commune, what is still to do comes first; what is finished today stays below
        this.communes = byCommune.entrySet().stream()
                .map(e -> new Commune(
                        e.getKey(),
                        e.getValue().stream()
                                .sorted(Comparator.comparing(i -> !i.open()))
                                .toList()))
                .toList();
        this.amountToCollect = work.amountToCollect();
        this.cashCollected = work.amountCollected();
        this.visits = pickups.stream()
                .map(p -> {
                    String address = address(p.street(), p.communeCode(), p.communeName(), referenceData);
                    return new Visit(
                            p,
                            address,
                            mapUrl(address),
                            HomePickupState.valueOf(p.state()).open());
                })
                .toList();
    }

    private static String address(String street, String communeCode, String communeName, ReferenceData referenceData) {
        String province = communeCode == null
                ? null
                : referenceData
                        .communeView(communeCode)
                        .map(CommuneView::provinceName)
                        .orElse(null);
        return String.join(
                ", ",
                Stream.of(street, communeName, province)
                        .filter(s -> s != null && !s.isBlank())
                        .toList());
    }

    private static String mapUrl(String address) {
        return "https://www.google.com/maps/search/?api=1&query=" + URLEncoder.encode(address, StandardCharsets.UTF_8);
    }

    private static Item item(DeliveryView d, ReferenceData referenceData) {
        DeliveryView.Recipient r = d.recipient();
        String address = address(r.street(), r.communeCode(), r.communeName(), referenceData);
        LocalDate next = d.nextAttemptFrom();
        return new Item(
                d.s10Number(),
                d.dossierCode(),
                d.status().name(),
                d.statusLabelVi(),
                r.name(),
                r.phone(),
                address,
                mapUrl(address),
                d.amountDue(),
                d.failedAttempts() + 1,
                next == null ? null : DAY.format(next),
                d.finishedAt() == null);
    }

    public String getDate() {
        return date;
    }

    /** The day as yyyy-MM-dd, for the cash declaration's address. */
    public String getIsoDate() {
        return isoDate;
    }

    public List<Commune> getCommunes() {
        return communes;
    }

    public int getCount() {
        return communes.stream().mapToInt(c -> c.items().size()).sum();
    }

    /** Today's home pickups: the open ones with their checklist, the finished ones as they ended. */
    public List<Visit> getVisits() {
        return visits;
    }

    public long getAmountToCollect() {
        return amountToCollect;
    }

    public long getCashCollected() {
        return cashCollected;
    }

    /** The words of every status an item can reach from the phone, for the script to show an answer. */
    public List<Choice> getStatusLabels() {
        return Stream.of(DossierStatus.values())
                .filter(st -> st.postalLeg() == Leg.RETURN)
                .map(st -> new Choice(st.name(), st.labelVi()))
                .toList();
    }

    public List<Choice> getReasons() {
        return Stream.of(FailureReason.values())
                .map(r -> new Choice(r.name(), r.labelVi()))
                .toList();
    }

    public List<Choice> getActions() {
        return Stream.of(FailureAction.values())
                .map(a -> new Choice(a.name(), a.labelVi()))
                .toList();
    }
}
