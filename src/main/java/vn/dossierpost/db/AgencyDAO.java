package vn.dossierpost.db;

import java.util.List;
import java.util.Optional;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.customizer.BindMethods;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;
import vn.dossierpost.domain.AgencyChannel;
import vn.dossierpost.domain.Channel;

/** Agencies and their channels, for the routes and the administrators. */
@RegisterConstructorMapper(AgencyChannel.class)
public interface AgencyDAO {
    String CHANNEL_COLUMNS =
            "code, name, channel, base_url, inbox_dir, outbox_dir, secret, batch_window_ms, batch_size, "
                    + "sftp_host, sftp_port, sftp_username, sftp_password, active, revision";

    /** What an administrator sets on an agency (see the agency resource for the rules). */
    record AgencySettings(
            String code,
            String name,
            String provinceCode,
            String communeCode,
            String address,
            String phone,
            String email,
            Channel channel,
            String baseUrl,
            String inboxDir,
            String outboxDir,
            String secret,
            int batchWindowMs,
            int batchSize,
            String sftpHost,
            Integer sftpPort,
            String sftpUsername,
            String sftpPassword,
            boolean active) {}

    @SqlQuery("SELECT " + CHANNEL_COLUMNS + " FROM agency ORDER BY code")
    List<AgencyChannel> channels();

    @SqlQuery("SELECT " + CHANNEL_COLUMNS + " FROM agency WHERE code = :code")
    Optional<AgencyChannel> channel(@Bind("code") String code);

    @SqlQuery("SELECT EXISTS (SELECT 1 FROM agency WHERE code = :code)")
    boolean exists(@Bind("code") String code);

    @SqlUpdate(
            "INSERT INTO agency (code, name, province_code, commune_code, address, phone, email, channel, base_url, inbox_dir, "
                    + "outbox_dir, secret, batch_window_ms, batch_size, sftp_host, sftp_port, sftp_username, sftp_password, active) "
                    + "VALUES (:code, :name, :provinceCode, :communeCode, :address, :phone, :email, :channel, :baseUrl, :inboxDir, "
                    + ":outboxDir, :secret, :batchWindowMs, :batchSize, :sftpHost, :sftpPort, :sftpUsername, :sftpPassword, :active)")
    void insert(@BindMethods AgencySettings settings);

    @SqlUpdate(
            "UPDATE agency SET name = :name, province_code = :provinceCode, commune_code = :communeCode, address = :address, "
                    + "phone = :phone, email = :email, channel = :channel, base_url = :baseUrl, inbox_dir = :inboxDir, "
                    + "outbox_dir = :outboxDir, secret = :secret, batch_window_ms = :batchWindowMs, batch_size = :batchSize, "
                    + "sftp_host = :sftpHost, sftp_port = :sftpPort, sftp_username = :sftpUsername, sftp_password = :sftpPassword, "
                    + "active = :active, revision = revision + 1 WHERE code = :code")
    int update(@BindMethods AgencySettings settings);
}
