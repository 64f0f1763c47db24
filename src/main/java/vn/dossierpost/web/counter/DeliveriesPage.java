package vn.dossierpost.web.counter;

import java.util.List;
import vn.dossierpost.api.OfficeCourier;
import vn.dossierpost.auth.WebSession;
import vn.dossierpost.web.Page;

/**
 * "Bưu gửi đến và phát": the S10 field a scanner types into (focused, Enter sends it), and the
 * office's items not held for collection, each with its courier and the choice of another.
 */
public final class DeliveriesPage extends Page {
    private final List<ItemLine> items;
    private final List<OfficeCourier> couriers;
    private String scanned = "";
    private String scanError;
    private String refusal;

    DeliveriesPage(WebSession session, List<ItemLine> items, List<OfficeCourier> couriers) {
        super("counter/deliveries.ftlh", "Bưu gửi đến và phát");
        signedIn(session);
        this.items = items;
        this.couriers = couriers;
    }

    /** The number typed, back in the field with why it was not taken. */
    DeliveriesPage scanRefused(String typed, String why) {
        this.scanned = typed;
        this.scanError = why;
        return this;
    }

    DeliveriesPage refused(String why) {
        this.refusal = why;
        return this;
    }

    public List<ItemLine> getItems() {
        return items;
    }

    public List<OfficeCourier> getCouriers() {
        return couriers;
    }

    public String getScanned() {
        return scanned;
    }

    public String getScanError() {
        return scanError;
    }

    public String getRefusal() {
        return refusal;
    }
}
