package vn.dossierpost.app;

import com.github.benmanes.caffeine.cache.CaffeineSpec;
import io.dropwizard.auth.AuthDynamicFeature;
import io.dropwizard.auth.AuthFilter;
import io.dropwizard.auth.AuthValueFactoryProvider;
import io.dropwizard.auth.CachingAuthenticator;
import io.dropwizard.auth.JSONUnauthorizedHandler;
import io.dropwizard.auth.basic.BasicCredentialAuthFilter;
import io.dropwizard.auth.basic.BasicCredentials;
import io.dropwizard.auth.chained.ChainedAuthFilter;
import io.dropwizard.auth.oauth.OAuthCredentialAuthFilter;
import io.dropwizard.core.server.DefaultServerFactory;
import io.dropwizard.core.setup.Environment;
import io.dropwizard.jersey.errors.EarlyEofExceptionMapper;
import io.dropwizard.jersey.errors.LoggingExceptionMapper;
import java.util.List;
import org.glassfish.jersey.server.filter.RolesAllowedDynamicFeature;
import org.jdbi.v3.core.Jdbi;
import vn.dossierpost.DossierpostConfiguration;
import vn.dossierpost.auth.BasicAuthenticator;
import vn.dossierpost.auth.RoleAuthorizer;
import vn.dossierpost.auth.TokenAuthenticator;
import vn.dossierpost.db.UserDAO;
import vn.dossierpost.domain.User;
import vn.dossierpost.http.JsonBodyLimit;
import vn.dossierpost.resources.ErrorMappers;

/**
 * What every JSON resource relies on without naming it: errors answered as JSON that names the
 * offending field, and who the caller is (Basic or bearer) with their roles checked by
 * {@code @RolesAllowed}.
 */
public final class ApiSetup {
    private final DossierpostConfiguration config;
    private final Environment environment;

    public ApiSetup(DossierpostConfiguration config, Environment environment) {
        this.config = config;
        this.environment = environment;
    }

    public void register(Jdbi jdbi) {
        StrictJson.apply(environment.getObjectMapper());
        environment
                .jersey()
                .register(new JsonBodyLimit(config.getLimits().maxJsonBody.toBytes()));
        registerErrorMappers();
        registerAuth(jdbi.onDemand(UserDAO.class));
    }

    /** Our own mappers replace Dropwizard's JSON-error mapper so a wrong value names its field. */
    private void registerErrorMappers() {
        if (config.getServerFactory() instanceof DefaultServerFactory server) {
            server.setRegisterDefaultExceptionMappers(false);
        }
        environment.jersey().register(new LoggingExceptionMapper<Throwable>() {});
        environment.jersey().register(new EarlyEofExceptionMapper());
        ErrorMappers.all().forEach(environment.jersey()::register);
    }

    /** HTTP Basic (bcrypt, cached) for staff, bearer tokens for agency systems; roles via @RolesAllowed. */
    private void registerAuth(UserDAO users) {
        CaffeineSpec cacheSpec = CaffeineSpec.parse(config.getAuth().cachePolicy);
        RoleAuthorizer authorizer = new RoleAuthorizer();
        JSONUnauthorizedHandler unauthorized = new JSONUnauthorizedHandler();
        AuthFilter<BasicCredentials, User> basic = new BasicCredentialAuthFilter.Builder<User>()
                .setAuthenticator(
                        new CachingAuthenticator<>(environment.metrics(), new BasicAuthenticator(users), cacheSpec))
                .setAuthorizer(authorizer)
                .setRealm("dossierpost")
                .setUnauthorizedHandler(unauthorized)
                .buildAuthFilter();
        AuthFilter<String, User> bearer = new OAuthCredentialAuthFilter.Builder<User>()
                .setAuthenticator(
                        new CachingAuthenticator<>(environment.metrics(), new TokenAuthenticator(users), cacheSpec))
                .setAuthorizer(authorizer)
                .setPrefix("Bearer")
                .setUnauthorizedHandler(unauthorized)
                .buildAuthFilter();
        environment.jersey().register(new AuthDynamicFeature(new ChainedAuthFilter<>(List.of(basic, bearer))));
        environment.jersey().register(RolesAllowedDynamicFeature.class);
        environment.jersey().register(new AuthValueFactoryProvider.Binder<>(User.class));
    }
}
