package vn.dossierpost.web.counter;

import java.time.format.DateTimeFormatter;
import java.util.List;
import vn.dossierpost.api.PickupView;
import vn.dossierpost.auth.WebSession;
import vn.dossierpost.web.Page;

/** "Nhận kết quả tại cơ quan": the office's open pickups, and the slip of the item just collected. */
public final class PickupsPage extends Page {
    static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm");

    /** One pickup as the list prints it. */
    public record Line(String code, String kind, String resultReference, String agency, String address, String ready) {}

    private final List<Line> lines;
    private final String collected;

    PickupsPage(WebSession session, List<PickupView> open, String collected) {
        super("counter/pickups.ftlh", "Nhận kết quả tại cơ quan");
        signedIn(session);
        this.lines = open.stream()
                .map(p -> new Line(
                        p.dossierCode(),
                        kind(p.kind()),
                        p.resultReference(),
                        p.agencyName() != null ? p.agencyName() : p.agencyCode(),
                        p.agencyAddress(),
                        p.readySince() == null ? "" : WHEN.format(p.readySince())))
                .toList();
        this.collected = collected;
    }

    static String kind(String kind) {
        return kind.equals("REFUSAL") ? "Thông báo từ chối" : "Kết quả";
    }

    public List<Line> getLines() {
        return lines;
    }

    /** The S10 number of the item just collected, or null. */
    public String getCollected() {
        return collected;
    }

    public String getSlipUrl() {
        return collected == null ? null : DeliveryPages.slipUrl(collected);
    }
}
