package vn.dossierpost.web;

import io.dropwizard.views.common.View;
import java.nio.charset.StandardCharsets;

/**
 * A page: its template under {@code src/main/resources/templates} and its title. Always UTF-8: a
 * browser asking in English would otherwise get ISO-8859-1 and lose every Vietnamese letter.
 */
public class Page extends View {
    private final String title;

    protected Page(String template, String title) {
        super("/templates/" + template, StandardCharsets.UTF_8);
        this.title = title;
    }

    public String getTitle() {
        return title;
    }
}
