package vn.dossierpost.web.counter;

import java.util.List;
import java.util.Map;
import vn.dossierpost.api.PickupView;
import vn.dossierpost.auth.WebSession;
import vn.dossierpost.web.Page;

/** The collection form of one pickup; a refused one comes back as the clerk left it, each problem beside its input. */
public final class CollectionPage extends Page {
    private final PickupView pickup;
    private final CollectionForm form;
    private final Map<String, List<String>> errors;

    CollectionPage(WebSession session, PickupView pickup, CollectionForm form, Map<String, List<String>> errors) {
        super("counter/collection.ftlh", "Nhận kết quả hồ sơ " + pickup.dossierCode());
        signedIn(session);
        this.pickup = pickup;
        this.form = form;
        this.errors = errors;
    }

    public PickupView getPickup() {
        return pickup;
    }

    public String getKind() {
        return PickupsPage.kind(pickup.kind());
    }

    public String getReady() {
        return pickup.readySince() == null ? "" : PickupsPage.WHEN.format(pickup.readySince());
    }

    public List<CollectionForm.Line> getLines() {
        return form.lines();
    }

    public String getAgencyOfficer() {
        return form.agencyOfficer();
    }

    /** Messages per input: {@code name-0}, {@code copies-1}, {@code items}, {@code agencyOfficer}. */
    public Map<String, List<String>> getErrors() {
        return errors;
    }
}
