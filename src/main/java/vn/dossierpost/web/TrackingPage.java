package vn.dossierpost.web;

import java.util.ArrayList;
import java.util.List;
import vn.dossierpost.api.TrackingView;
import vn.dossierpost.pdf.SlipText;

/** The public tracking page: the form, and the dossier's journey when a reference was given. */
public final class TrackingPage extends Page {
    /** One step of the journey, with its time and place as people read them. */
    public record Step(String when, String label, String place, String reason, String action) {}

    private final String reference;
    private final TrackingView dossier;

    private TrackingPage(String reference, TrackingView dossier) {
        super("public/tracking.ftlh", dossier == null ? "Tra cứu hồ sơ" : "Hồ sơ " + dossier.code());
        this.reference = reference;
        this.dossier = dossier;
    }

    static TrackingPage form(String reference) {
        return new TrackingPage(reference, null);
    }

    static TrackingPage of(String reference, TrackingView dossier) {
        return new TrackingPage(reference, dossier);
    }

    public String getReference() {
        return reference == null ? "" : reference;
    }

    public TrackingView getDossier() {
        return dossier;
    }

    public String getAppointment() {
        return dossier == null || dossier.resultAppointment() == null
                ? null
                : SlipText.date(dossier.resultAppointment());
    }

    /** Newest first, as a phone screen shows a journey. */
    public List<Step> getSteps() {
        if (dossier == null) {
            return List.of();
        }
        List<Step> steps = new ArrayList<>();
        dossier.events()
                .forEach(s -> steps.add(
                        0, new Step(SlipText.dateTime(s.at()), s.labelVi(), s.place(), s.reason(), s.action())));
        return steps;
    }
}
