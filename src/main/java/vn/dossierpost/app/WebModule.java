package vn.dossierpost.app;

import io.dropwizard.assets.AssetsBundle;
import io.dropwizard.core.setup.Bootstrap;
import io.dropwizard.core.setup.Environment;
import io.dropwizard.views.common.ViewBundle;
import java.util.Map;
import vn.dossierpost.DossierpostConfiguration;
import vn.dossierpost.auth.WebSessions;
import vn.dossierpost.domain.PasswordPolicy;
import vn.dossierpost.http.ScanUpload;
import vn.dossierpost.service.catalogue.CalendarService;
import vn.dossierpost.service.counter.CounterToday;
import vn.dossierpost.service.counter.DossierSearch;
import vn.dossierpost.service.handover.AgencyDesk;
import vn.dossierpost.service.users.UserAccounts;
import vn.dossierpost.web.Cookies;
import vn.dossierpost.web.ErrorPages;
import vn.dossierpost.web.Flash;
import vn.dossierpost.web.PublicPages;
import vn.dossierpost.web.SessionFilter;
import vn.dossierpost.web.SignInPages;
import vn.dossierpost.web.admin.CalendarPages;
import vn.dossierpost.web.admin.UserPages;
import vn.dossierpost.web.agency.AgencyAnswerPages;
import vn.dossierpost.web.agency.AgencyDeskPages;
import vn.dossierpost.web.counter.CommunePages;
import vn.dossierpost.web.counter.CounterDayPages;
import vn.dossierpost.web.counter.CouriersPages;
import vn.dossierpost.web.counter.DeliveryPages;
import vn.dossierpost.web.counter.DossierPages;
import vn.dossierpost.web.counter.DossierSearchPages;
import vn.dossierpost.web.counter.IntakePages;
import vn.dossierpost.web.counter.PaymentPages;
import vn.dossierpost.web.counter.PickupPages;
import vn.dossierpost.web.counter.ProcedurePages;
import vn.dossierpost.web.counter.SlipPages;
import vn.dossierpost.web.counter.TodayPages;
import vn.dossierpost.web.courier.CourierPages;
import vn.dossierpost.web.supervisor.OverduePages;
import vn.dossierpost.web.supervisor.ReconciliationPages;

/**
 * The web pages: FreeMarker views, the static files (ours under {@code /assets}, Bootstrap and htmx
 * from their WebJars under {@code /webjars}), staff sessions (sign-in, CSRF) and the page resources. No Node build: what the browser
 * gets is in the jar.
 */
public final class WebModule {
    private final DossierpostConfiguration config;
    private final Environment environment;

    public WebModule(DossierpostConfiguration config, Environment environment) {
        this.config = config;
        this.environment = environment;
    }

    /** The bundles, added in {@code initialize}. */
    public static void initialize(Bootstrap<DossierpostConfiguration> bootstrap) {
        bootstrap.addBundle(views());
        bootstrap.addBundle(new AssetsBundle("/assets", "/assets", null, "assets"));
        bootstrap.addBundle(new AssetsBundle("/META-INF/resources/webjars", "/webjars", null, "webjars"));
    }

    /**
     * The views, where a template error fails the request (the 500 page) instead of FreeMarker's
     * default of printing the template's and Java's stack traces into the page a clerk or the public sees.
     */
    static ViewBundle<DossierpostConfiguration> views() {
        return new ViewBundle<>() {
            @Override
            public Map<String, Map<String, String>> getViewConfiguration(DossierpostConfiguration configuration) {
                return Map.of("freemarker", Map.of("template_exception_handler", "rethrow"));
            }
        };
    }

    public void register(
            SharedParts shared,
            CounterServices counter,
            HandoverServices handover,
            ReturnLegServices returnLeg,
            WebSessions sessions) {
        PublicTracking tracking = counter.tracking();
        environment.jersey().register(new ErrorPages());
        environment.jersey().register(new Flash());
        DossierpostConfiguration.Web web = config.getWeb();
        environment.jersey().register(new SessionFilter(sessions));
        environment.jersey().register(new SignInPages(sessions, new Cookies(web.secureCookies)));
        environment
                .jersey()
                .register(new TodayPages(new CounterToday(shared.jdbi(), shared.referenceData(), shared.clock())));
        environment
                .jersey()
                .register(new DossierSearchPages(
                        new DossierSearch(shared.databases().forStaffLists(), shared.referenceData(), shared.clock())));
        environment
                .jersey()
                .register(new DossierPages(
                        shared.dossiers(),
                        counter.files(),
                        counter.digitisation(),
                        counter.supplements(),
                        counter.corrections(),
                        counter.payments(),
                        shared.store(),
                        shared.referenceData(),
                        shared.zone(),
                        ScanUpload.drainLimit(config.getFiles().maxDossierSize.toBytes())));
        environment.jersey().register(new PaymentPages(counter.payments(), counter.receipts()));
        environment
                .jersey()
                .register(new CounterDayPages(
                        counter.counterDay(), shared.referenceData(), shared.clock(), shared.zone()));
        registerIntake(shared, counter);
        registerReturnLeg(shared, returnLeg);
        environment
                .jersey()
                .register(new OverduePages(shared.dossiers(), shared.referenceData(), shared.clock(), shared.zone()));
        environment
                .jersey()
                .register(new CourierPages(returnLeg.couriers(), counter.homePickups(), shared.referenceData()));
        registerAgencyDesk(shared, counter, handover);
        registerAdmin(shared);
        environment.jersey().register(new PublicPages(tracking.service(), tracking.limiter(), shared.referenceData()));
    }

    /** Pickups at agencies, arrival and couriers, items held at the counter; the supervisor's cash reconciliation. */
    private void registerReturnLeg(SharedParts shared, ReturnLegServices returnLeg) {
        environment.jersey().register(new PickupPages(returnLeg.pickups()));
        environment
                .jersey()
                .register(new DeliveryPages(
                        returnLeg.deliveries(),
                        returnLeg.queries(),
                        returnLeg.attempts(),
                        returnLeg.pickups(),
                        returnLeg.couriers()));
        environment.jersey().register(new CouriersPages(returnLeg.couriers(), shared.referenceData()));
        environment.jersey().register(new ReconciliationPages(returnLeg.couriers(), shared.referenceData()));
    }

    /** The agency's desk: its dossiers, their scans, and its answers through the agency event service. */
    private void registerAgencyDesk(SharedParts shared, CounterServices counter, HandoverServices handover) {
        AgencyDesk desk = new AgencyDesk(
                shared.jdbi(),
                shared.dossiers(),
                counter.files(),
                shared.store(),
                shared.referenceData(),
                shared.clock());
        environment
                .jersey()
                .register(
                        new AgencyDeskPages(desk, counter.files(), handover.queries(), shared.store(), shared.zone()));
        environment.jersey().register(new AgencyAnswerPages(handover.agencyEvents(), desk, shared.zone()));
    }

    /** The administrator's users and working calendar (agencies: HandoverModule, beside their routes). */
    private void registerAdmin(SharedParts shared) {
        DossierpostConfiguration.Auth auth = config.getAuth();
        UserAccounts accounts = new UserAccounts(
                shared.jdbi(), shared.clock(), new PasswordPolicy(auth.minPasswordLength), auth.bcryptCost);
        environment.jersey().register(new UserPages(accounts, shared.referenceData()));
        environment.jersey().register(new CalendarPages(new CalendarService(shared.jdbi(), shared.referenceData())));
    }

    /** The procedure search, the guidance sheet, the intake form and its slip. */
    private void registerIntake(SharedParts shared, CounterServices counter) {
        environment.jersey().register(new ProcedurePages(shared.referenceData(), counter.intake()));
        environment.jersey().register(new IntakePages(counter.intake(), shared.dossiers(), shared.referenceData()));
        environment.jersey().register(new CommunePages(shared.referenceData()));
        environment.jersey().register(new SlipPages(counter.slips()));
    }
}
