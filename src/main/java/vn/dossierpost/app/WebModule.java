package vn.dossierpost.app;

import io.dropwizard.assets.AssetsBundle;
import io.dropwizard.core.setup.Bootstrap;
import io.dropwizard.core.setup.Environment;
import io.dropwizard.views.common.ViewBundle;
import vn.dossierpost.DossierpostConfiguration;
import vn.dossierpost.web.ErrorPages;
import vn.dossierpost.web.PublicPages;

/**
 * The web pages: FreeMarker views, the static files (ours under {@code /assets}, Bootstrap and htmx
 * from their WebJars under {@code /webjars}) and the page resources. No Node build: what the browser
 * gets is in the jar.
 */
public final class WebModule {
    private final Environment environment;

    public WebModule(Environment environment) {
        this.environment = environment;
    }

    /** The bundles, added in {@code initialize}. */
    public static void initialize(Bootstrap<DossierpostConfiguration> bootstrap) {
        bootstrap.addBundle(new ViewBundle<>());
        bootstrap.addBundle(new AssetsBundle("/assets", "/assets", null, "assets"));
        bootstrap.addBundle(new AssetsBundle("/META-INF/resources/webjars", "/webjars", null, "webjars"));
    }

    public void register(SharedParts shared, PublicTracking tracking) {
        environment.jersey().register(new ErrorPages());
        environment.jersey().register(new PublicPages(tracking.service(), tracking.limiter(), shared.referenceData()));
    }
}
