package vn.dossierpost.health;

import com.codahale.metrics.health.HealthCheck;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A check whose failure to run is answered as "unhealthy" with the kind of failure only. Dropwizard
 * would put the exception's message and stack trace into {@code /healthcheck}, and those can carry
 * SQL, host names, folder paths or personal data; the whole exception goes to the log instead.
 */
abstract class GuardedHealthCheck extends HealthCheck {
    private static final Logger LOG = LoggerFactory.getLogger(GuardedHealthCheck.class);

    @Override
    protected final Result check() {
        try {
            return checkOrThrow();
        } catch (RuntimeException e) {
            LOG.warn("health check {} could not run", getClass().getSimpleName(), e);
            return Result.unhealthy("could not check (" + e.getClass().getSimpleName() + "; see the log)");
        }
    }

    protected abstract Result checkOrThrow();
}
