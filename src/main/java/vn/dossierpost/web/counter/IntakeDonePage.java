package vn.dossierpost.web.counter;

import vn.dossierpost.api.DossierView;
import vn.dossierpost.auth.WebSession;
import vn.dossierpost.pdf.SlipText;
import vn.dossierpost.web.Page;

/** "Đã tiếp nhận": the dossier code and S10 number, the consignment slip on screen, ready to print. */
public final class IntakeDonePage extends Page {
    private final DossierView dossier;

    IntakeDonePage(WebSession session, DossierView dossier) {
        super("counter/intake-done.ftlh", "Đã tiếp nhận hồ sơ " + dossier.code());
        signedIn(session);
        this.dossier = dossier;
    }

    public DossierView getDossier() {
        return dossier;
    }

    public String getTotal() {
        return SlipText.vnd(dossier.fees().total());
    }

    public String getPaidAtCounter() {
        return SlipText.vnd(dossier.fees().paidAtCounter());
    }

    public String getAppointment() {
        return dossier.dueDates() == null
                ? null
                : Checklist.day(dossier.dueDates().resultAppointment());
    }

    public String getSlipUrl() {
        return "/counter/ho-so/" + dossier.code() + "/phieu.pdf";
    }
}
