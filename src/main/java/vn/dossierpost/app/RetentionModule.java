package vn.dossierpost.app;

import io.dropwizard.core.setup.Environment;
import java.time.Duration;
import java.time.LocalTime;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import vn.dossierpost.DossierpostConfiguration;
import vn.dossierpost.domain.RetentionRule;
import vn.dossierpost.resources.RetentionHoldResource;
import vn.dossierpost.service.retention.DailyPurge;
import vn.dossierpost.service.retention.RetentionHolds;
import vn.dossierpost.service.retention.RetentionPurge;

/**
 * Records kept for the retention period and then purged (README "Retention"): the administrator's
 * holds, and, when {@code retention.enabled}, the daily purge on a managed single-thread scheduler
 * that stops with the service.
 */
public final class RetentionModule {
    private final DossierpostConfiguration.Retention settings;
    private final Environment environment;

    public RetentionModule(DossierpostConfiguration.Retention settings, Environment environment) {
        this.settings = settings;
        this.environment = environment;
    }

    public void register(SharedParts shared) {
        environment.jersey().register(new RetentionHoldResource(new RetentionHolds(shared.jdbi(), shared.clock())));
        if (!settings.enabled) {
            return;
        }
        RetentionPurge purge =
                new RetentionPurge(shared.jdbi(), shared.store(), new RetentionRule(settings.years), shared.clock());
        ScheduledExecutorService scheduler = environment
                .lifecycle()
                .scheduledExecutorService("retention-purge")
                .threads(1)
                .build();
        Duration first = DailyPurge.untilNext(shared.clock(), LocalTime.parse(settings.runAt));
        scheduler.scheduleAtFixedRate(
                new DailyPurge(purge), first.toMillis(), Duration.ofDays(1).toMillis(), TimeUnit.MILLISECONDS);
    }
}
