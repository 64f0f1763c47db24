package vn.dossierpost.db;

import static org.assertj.core.api.Assertions.assertThat;

import io.dropwizard.configuration.EnvironmentVariableSubstitutor;
import io.dropwizard.configuration.FileConfigurationSourceProvider;
import io.dropwizard.configuration.SubstitutingSourceProvider;
import io.dropwizard.configuration.YamlConfigurationFactory;
import io.dropwizard.db.DataSourceFactory;
import io.dropwizard.jackson.Jackson;
import io.dropwizard.jersey.validation.Validators;
import org.junit.jupiter.api.Test;
import vn.dossierpost.DossierpostConfiguration;

class DatabaseSettingsTest {

    /** The shipped config.yml, with DATABASE_REPLICA_URL unset as on a fresh machine. */
    private static DossierpostConfiguration shippedConfig() throws Exception {
        return new YamlConfigurationFactory<>(
                        DossierpostConfiguration.class, Validators.newValidator(), Jackson.newObjectMapper(), "dw")
                .build(
                        new SubstitutingSourceProvider(
                                new FileConfigurationSourceProvider(), new EnvironmentVariableSubstitutor(false)),
                        "config.yml");
    }

    @Test
    void theShippedConfigurationHasNoReplicaSoEveryReadGoesToThePrimary() throws Exception {
        assertThat(System.getenv("DATABASE_REPLICA_URL")).isNull();
        assertThat(shippedConfig().getDatabase().replica()).isEmpty();
    }

    @Test
    void theReplicaTakesThePrimarysPoolSettingsAndCredentialsUnlessItsOwnAreGiven() throws Exception {
        DatabaseSettings settings = shippedConfig().getDatabase();
        settings.setUser("dossierpost");
        settings.setPassword("mat-khau-chinh");
        settings.setReplicaUrl("jdbc:postgresql://10.0.0.2:5432/dossierpost");

        DataSourceFactory replica = settings.replica().orElseThrow();
        assertThat(replica.getUrl()).isEqualTo("jdbc:postgresql://10.0.0.2:5432/dossierpost");
        assertThat(replica.getUser()).isEqualTo("dossierpost");
        assertThat(replica.getPassword()).isEqualTo("mat-khau-chinh");
        assertThat(replica.getMaxSize()).isEqualTo(settings.getMaxSize());
        assertThat(replica.getProperties()).containsEntry("charSet", "UTF-8").containsEntry("connectTimeout", "2");
        assertThat(replica.getReadOnlyByDefault()).isTrue();
        assertThat(replica.getCheckConnectionOnBorrow()).isTrue();

        settings.setReplicaUser("doc");
        settings.setReplicaPassword("mat-khau-doc");
        assertThat(settings.replica().orElseThrow().getUser()).isEqualTo("doc");
        assertThat(settings.replica().orElseThrow().getPassword()).isEqualTo("mat-khau-doc");

        settings.setReplicaUrl("  ");
        assertThat(settings.replica()).isEmpty();
    }
}
