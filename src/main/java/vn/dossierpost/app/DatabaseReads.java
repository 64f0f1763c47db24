package vn.dossierpost.app;

import io.dropwizard.core.setup.Environment;
import io.dropwizard.db.DataSourceFactory;
import io.dropwizard.db.ManagedDataSource;
import io.dropwizard.jdbi3.JdbiFactory;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;
import vn.dossierpost.db.DatabaseSettings;
import vn.dossierpost.db.Databases;
import vn.dossierpost.db.JdbiSetup;
import vn.dossierpost.db.ReplicaOrPrimary;
import vn.dossierpost.health.DatabaseHealthCheck;

/**
 * The databases the reads use ({@link Databases}): the primary's Jdbi, and with {@code
 * database.replicaUrl} a second one on the replica's pool that falls back to the primary's. Each
 * database has its health check, {@code postgresql} (the primary) and {@code postgresql-replica}.
 */
public final class DatabaseReads {
    private DatabaseReads() {}

    public static Databases build(
            DatabaseSettings settings, Environment environment, Jdbi primary, ManagedDataSource primaryPool) {
        // Dropwizard's own check says "unhealthy" with the driver's message; ours names the database
        environment.healthChecks().unregister("postgresql");
        environment.healthChecks().register("postgresql", DatabaseHealthCheck.primary(primaryPool));
        Optional<DataSourceFactory> replicaSettings = settings.replica();
        if (replicaSettings.isEmpty()) {
            return Databases.primaryOnly(primary);
        }
        ManagedDataSource replicaPool = replicaSettings.get().build(environment.metrics(), "postgresql-replica");
        Jdbi replica = JdbiSetup.configure(new JdbiFactory()
                .build(
                        environment,
                        replicaSettings.get(),
                        new ReplicaOrPrimary(replicaPool, primaryPool),
                        "postgresql-replica"));
        // the check Dropwizard registered goes through the fallback; this one asks the replica itself
        environment.healthChecks().unregister("postgresql-replica");
        environment.healthChecks().register("postgresql-replica", DatabaseHealthCheck.replica(replicaPool));
        return Databases.withReplica(primary, replica);
    }
}
