package vn.dossierpost.web.counter;

import io.dropwizard.views.common.View;
import java.nio.charset.StandardCharsets;

/** The live part of the intake form alone, for htmx to swap in (no layout). */
public final class ChecklistView extends View {
    private final Checklist checklist;

    ChecklistView(Checklist checklist) {
        super("/templates/counter/checklist-fragment.ftlh", StandardCharsets.UTF_8);
        this.checklist = checklist;
    }

    public Checklist getChecklist() {
        return checklist;
    }
}
