package vn.dossierpost.web.counter;

import java.util.List;
import vn.dossierpost.api.OfficeCourier;
import vn.dossierpost.api.OfficeView;
import vn.dossierpost.auth.WebSession;
import vn.dossierpost.web.Page;

/** "Bưu tá và địa bàn": each courier of the office with their communes, and a field to change them. */
public final class CouriersPage extends Page {
    private final List<OfficeView> offices;
    private final String office;
    private final List<OfficeCourier> couriers;
    private String refusedCourier;
    private String refusedCommunes;
    private String refusal;

    CouriersPage(WebSession session, List<OfficeView> offices, String office, List<OfficeCourier> couriers) {
        super("counter/couriers.ftlh", "Bưu tá và địa bàn");
        signedIn(session);
        this.offices = offices;
        this.office = office;
        this.couriers = couriers;
    }

    /** Offices to choose from, for a user bound to none (empty otherwise). */
    public List<OfficeView> getOffices() {
        return offices;
    }

    /** The office chosen ("" when the user's own): the forms send it back so the page returns to it. */
    public String getOffice() {
        return office;
    }

    /** The list as the clerk typed it, back in that courier's field with why it was refused. */
    CouriersPage refused(String courier, String communes, String why) {
        this.refusedCourier = courier;
        this.refusedCommunes = communes;
        this.refusal = why;
        return this;
    }

    public List<OfficeCourier> getCouriers() {
        return couriers;
    }

    public String getRefusedCourier() {
        return refusedCourier;
    }

    public String getRefusedCommunes() {
        return refusedCommunes;
    }

    public String getRefusal() {
        return refusal;
    }
}
