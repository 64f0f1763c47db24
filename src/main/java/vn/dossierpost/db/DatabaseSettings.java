package vn.dossierpost.db;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.dropwizard.db.DataSourceFactory;
import io.dropwizard.util.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The {@code database:} settings: Dropwizard's pool settings for the primary (where everything is
 * written), plus an optional streaming replica ({@code replicaUrl}, with {@code replicaUser} and
 * {@code replicaPassword} defaulting to the primary's) that public tracking and staff lists read
 * from ({@link Databases}). Left empty, every read goes to the primary as before.
 */
public class DatabaseSettings extends DataSourceFactory {
    private String replicaUrl;
    private String replicaUser;
    private String replicaPassword;

    @JsonProperty
    public String getReplicaUrl() {
        return replicaUrl;
    }

    @JsonProperty
    public void setReplicaUrl(String replicaUrl) {
        this.replicaUrl = replicaUrl;
    }

    @JsonProperty
    public String getReplicaUser() {
        return replicaUser;
    }

    @JsonProperty
    public void setReplicaUser(String replicaUser) {
        this.replicaUser = replicaUser;
    }

    @JsonProperty
    public String getReplicaPassword() {
        return replicaPassword;
    }

    @JsonProperty
    public void setReplicaPassword(String replicaPassword) {
        this.replicaPassword = replicaPassword;
    }

    /**
     * The replica's pool: the primary's settings (driver, properties, sizes, validation query) on the
     * replica's URL and credentials; empty when no replica is configured. Three differ on purpose:
     * connections are read-only; every connection taken is checked first (one {@code SELECT 1}), so
     * that a replica gone away is noticed then, and the read goes to the primary ({@link
     * ReplicaOrPrimary}), rather than halfway through the read's statement, which would fail it; and
     * a replica down when the service starts does not stop it from starting.
     */
    public Optional<DataSourceFactory> replica() {
        if (replicaUrl == null || replicaUrl.isBlank()) {
            return Optional.empty();
        }
        DataSourceFactory replica = new DataSourceFactory();
        replica.setDriverClass(getDriverClass());
        replica.setUrl(replicaUrl.trim());
        replica.setUser(blank(replicaUser) ? getUser() : replicaUser);
        replica.setPassword(blank(replicaPassword) ? getPassword() : replicaPassword);
        Map<String, String> properties = new HashMap<>(getProperties());
        // a replica host that does not answer at all costs a read 2 s, not pgjdbc's default 10 s
        properties.putIfAbsent("connectTimeout", "2");
        replica.setProperties(properties);
        replica.setMinSize(getMinSize());
        replica.setInitialSize(getMinSize());
        replica.setMaxSize(getMaxSize());
        replica.setMaxWaitForConnection(getMaxWaitForConnection());
        getValidationQuery().ifPresent(replica::setValidationQuery);
        getValidationQueryTimeout().ifPresent(replica::setValidationQueryTimeout);
        replica.setReadOnlyByDefault(true);
        replica.setCheckConnectionOnBorrow(true);
        replica.setValidationInterval(Duration.milliseconds(0));
        replica.setIgnoreExceptionOnPreLoad(true);
        return Optional.of(replica);
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
