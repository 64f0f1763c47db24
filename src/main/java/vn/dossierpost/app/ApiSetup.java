package vn.dossierpost.app;

import com.github.benmanes.caffeine.cache.CaffeineSpec;
import io.dropwizard.auth.AuthDynamicFeature;
import io.dropwizard.auth.AuthFilter;
import io.dropwizard.auth.AuthValueFactoryProvider;
import io.dropwizard.auth.JSONUnauthorizedHandler;
import io.dropwizard.auth.chained.ChainedAuthFilter;
import io.dropwizard.auth.oauth.OAuthCredentialAuthFilter;
import io.dropwizard.core.server.DefaultServerFactory;
import io.dropwizard.core.setup.Environment;
import io.dropwizard.jersey.errors.EarlyEofExceptionMapper;
import java.time.Clock;
import java.util.List;
import javax.sql.DataSource;
import org.glassfish.jersey.server.filter.RolesAllowedDynamicFeature;
import org.jdbi.v3.core.Jdbi;
import vn.dossierpost.DossierpostConfiguration;
import vn.dossierpost.auth.BasicAuthFilter;
import vn.dossierpost.auth.ClientAddress;
import vn.dossierpost.auth.RoleAuthorizer;
import vn.dossierpost.auth.SessionAuthFilter;
import vn.dossierpost.auth.SignInGate;
import vn.dossierpost.auth.SignInThrottle;
import vn.dossierpost.auth.TokenAuthenticator;
import vn.dossierpost.auth.WebSessions;
import vn.dossierpost.db.SignInLookup;
import vn.dossierpost.db.UserDAO;
import vn.dossierpost.domain.PasswordPolicy;
import vn.dossierpost.domain.User;
import vn.dossierpost.http.AccessLogFilter;
import vn.dossierpost.http.JsonBodyLimit;
import vn.dossierpost.resources.AccessLogResource;
import vn.dossierpost.resources.DatabaseOutageMapper;
import vn.dossierpost.resources.ErrorMappers;
import vn.dossierpost.resources.UserResource;
import vn.dossierpost.service.audit.AccessLog;
import vn.dossierpost.service.users.UserAccounts;
import vn.dossierpost.web.Cookies;

/**
 * What every JSON resource relies on without naming it: errors answered as JSON that names the
 * offending field, and who the caller is (Basic or bearer) with their roles checked by
 * {@code @RolesAllowed}.
 */
public final class ApiSetup {
    /** The metric counting bcrypt checks of sign-ins (a rise is someone guessing passwords). */
    public static final String BCRYPT_CHECKS = "vn.dossierpost.auth.bcrypt-checks";

    private final DossierpostConfiguration config;
    private final Environment environment;

    public ApiSetup(DossierpostConfiguration config, Environment environment) {
        this.config = config;
        this.environment = environment;
    }

    /**
     * Error mappers, authentication, and the administrators' user API. Returns the staff's web
     * sessions, which share the sign-in gate (one rule for every password, whichever way it comes)
     * and which the API accepts too, for pages that call it from the browser.
     */
    public WebSessions register(Jdbi jdbi, DataSource dataSource, Clock clock) {
        StrictJson.apply(environment.getObjectMapper());
        environment
                .jersey()
                .register(new JsonBodyLimit(config.getLimits().maxJsonBody.toBytes()));
        registerErrorMappers();
        DossierpostConfiguration.Auth auth = config.getAuth();
        java.time.Duration lockout = auth.signInLockout.toJavaDuration();
        SignInGate gate = new SignInGate(
                jdbi,
                new SignInLookup(dataSource),
                clock,
                new SignInThrottle(auth.maxFailedSignIns, lockout),
                new SignInThrottle(auth.maxFailedSignInsPerClient, lockout),
                auth.bcryptCost,
                CaffeineSpec.parse(auth.cachePolicy),
                environment.metrics().counter(BCRYPT_CHECKS));
        WebSessions sessions =
                new WebSessions(jdbi, clock, config.getWeb().sessionIdleTimeout.toJavaDuration(), gate);
        registerAuth(gate, sessions, jdbi.onDemand(UserDAO.class));
        environment
                .jersey()
                .register(new UserResource(
                        new UserAccounts(jdbi, clock, new PasswordPolicy(auth.minPasswordLength), auth.bcryptCost)));
        return sessions;
    }

    /**
     * The access log of personal data: its recorder on every {@code @PersonalData} method of the
     * API and the pages, and the administrator's list.
     */
    public void registerAccessLog(Jdbi jdbi, java.time.ZoneId zone) {
        AccessLog log = new AccessLog(jdbi, zone);
        environment.jersey().register(new AccessLogFilter(log));
        environment.jersey().register(new AccessLogResource(log));
    }

    /** Our own mappers replace Dropwizard's JSON-error mapper so a wrong value names its field. */
    private void registerErrorMappers() {
        if (config.getServerFactory() instanceof DefaultServerFactory server) {
            server.setRegisterDefaultExceptionMappers(false);
        }
        environment.jersey().register(new DatabaseOutageMapper());
        environment.jersey().register(new EarlyEofExceptionMapper());
        ErrorMappers.all().forEach(environment.jersey()::register);
    }

    /**
     * HTTP Basic (bcrypt through the sign-in gate) for staff, bearer tokens for agency systems, and
     * the web session with its CSRF header for pages calling the API; roles via @RolesAllowed. None
     * is cached past a change of the user's credentials (SignInGate; a new password ends sessions).
     */
    private void registerAuth(SignInGate gate, WebSessions sessions, UserDAO users) {
        RoleAuthorizer authorizer = new RoleAuthorizer();
        JSONUnauthorizedHandler unauthorized = new JSONUnauthorizedHandler();
        environment.jersey().register(new ClientAddress());
        AuthFilter<BasicAuthFilter.Attempt, User> basic = new BasicAuthFilter.Builder()
                .setAuthenticator(attempt -> BasicAuthFilter.authenticate(gate, attempt))
                .setAuthorizer(authorizer)
                .setRealm("dossierpost")
                .setUnauthorizedHandler(unauthorized)
                .buildAuthFilter();
        AuthFilter<String, User> bearer = new OAuthCredentialAuthFilter.Builder<User>()
                .setAuthenticator(new TokenAuthenticator(users))
                .setAuthorizer(authorizer)
                .setPrefix("Bearer")
                .setUnauthorizedHandler(unauthorized)
                .buildAuthFilter();
        environment
                .jersey()
                .register(new AuthDynamicFeature(new ChainedAuthFilter<>(
                        List.of(new SessionAuthFilter(sessions, Cookies.SESSION), basic, bearer))));
        environment.jersey().register(RolesAllowedDynamicFeature.class);
        environment.jersey().register(new AuthValueFactoryProvider.Binder<>(User.class));
    }
}
