package vn.dossierpost.web.counter;

import java.util.List;
import vn.dossierpost.auth.WebSession;
import vn.dossierpost.web.Page;

/** "Lưu tại bưu cục": items waiting for the applicant, until when, and the return to the agency after that. */
public final class HeldPage extends Page {
    private final List<ItemLine> items;
    private String refusal;

    HeldPage(WebSession session, List<ItemLine> items) {
        super("counter/held.ftlh", "Kết quả lưu tại bưu cục");
        signedIn(session);
        this.items = items;
    }

    HeldPage refused(String why) {
        this.refusal = why;
        return this;
    }

    public List<ItemLine> getItems() {
        return items;
    }

    public String getRefusal() {
        return refusal;
    }
}
