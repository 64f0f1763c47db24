package vn.dossierpost.integration;

import com.jcraft.jsch.ChannelSftp;
import com.jcraft.jsch.JSch;
import com.jcraft.jsch.JSchException;
import com.jcraft.jsch.Session;
import com.jcraft.jsch.SftpATTRS;
import com.jcraft.jsch.SftpException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.UUID;
import vn.dossierpost.domain.AgencyChannel;
import vn.dossierpost.service.Problem;
import vn.dossierpost.service.catalogue.AgencyChannels;
import vn.dossierpost.service.catalogue.SftpHostKeys;

/**
 * The administrator's "test connection" of an agency, on its channel as saved: HTTP sends a signed
 * probe ({@link AgencyHttpClient#probe}); a file drop checks that the outbox folder exists and takes
 * a file (one is written and removed); SFTP logs in as the route would (the same host-key rules,
 * {@link SftpHostKeys}) and checks the folder is there. Nothing of a handover is sent.
 */
public final class AgencyProbe {
    private static final int SFTP_TIMEOUT_MS = 10_000;

    private final AgencyChannels channels;
    private final AgencyHttpClient http;
    private final SftpHostKeys hostKeys;
    private final Clock clock;

    public AgencyProbe(AgencyChannels channels, AgencyHttpClient http, SftpHostKeys hostKeys, Clock clock) {
        this.channels = channels;
        this.http = http;
        this.hostKeys = hostKeys;
        this.clock = clock;
    }

    /** Tests the agency's channel now; 404 for an unknown agency. */
    public ConnectionCheck test(String code) {
        AgencyChannel a = channels.channel(code).orElseThrow(() -> Problem.notFound("no agency with code " + code));
        if (!a.configured()) {
            return ConnectionCheck.failed(
                    "chưa cấu hình", 0, "the channel is not configured yet (address or folder, secret)");
        }
        return switch (a.channel()) {
            case HTTP ->
                http.probe(
                        a.baseUrl(),
                        a.secret(),
                        UUID.randomUUID().toString(),
                        OffsetDateTime.now(clock).toString());
            case FILE_DROP -> folder(Path.of(a.outboxDir()));
            case SFTP -> sftp(a);
        };
    }

    private static ConnectionCheck folder(Path dir) {
        long started = System.nanoTime();
        if (!Files.isDirectory(dir)) {
            return ConnectionCheck.failed("không có thư mục", 0, dir + " does not exist or is not a folder");
        }
        try {
            Path probe = Files.createTempFile(dir, ".probe-", ".tmp");
            Files.delete(probe);
            return ConnectionCheck.ok(
                    "ghi được vào thư mục", elapsed(started), dir + ": a file was written and removed");
        } catch (IOException e) {
            return ConnectionCheck.failed(
                    "không ghi được",
                    elapsed(started),
                    dir + ": " + e.getClass().getSimpleName() + " " + e.getMessage());
        }
    }

    private ConnectionCheck sftp(AgencyChannel a) {
        int port = a.sftpPort() == null ? 22 : a.sftpPort();
        var keyProblem = hostKeys.problem(a.sftpHost(), a.sftpPort());
        if (keyProblem.isPresent()) {
            return ConnectionCheck.failed("khóa máy chủ", 0, keyProblem.get());
        }
        long started = System.nanoTime();
        Session session = null;
        try {
            JSch jsch = new JSch();
            if (hostKeys.knownHosts() != null) {
                jsch.setKnownHosts(hostKeys.knownHosts().toString());
            }
            if (hostKeys.clientKey() != null) {
                jsch.addIdentity(hostKeys.clientKey().toString());
            }
            session = jsch.getSession(a.sftpUsername(), a.sftpHost(), port);
            if (a.sftpPassword() != null) {
                session.setPassword(a.sftpPassword());
            }
            session.setConfig("StrictHostKeyChecking", hostKeys.unchecked() ? "no" : "yes");
            session.connect(SFTP_TIMEOUT_MS);
            ChannelSftp sftp = (ChannelSftp) session.openChannel("sftp");
            sftp.connect(SFTP_TIMEOUT_MS);
            SftpATTRS folder = sftp.stat(a.outboxDir());
            sftp.disconnect();
            String where = a.sftpUsername() + "@" + a.sftpHost() + ":" + port + " " + a.outboxDir();
            return folder.isDir()
                    ? ConnectionCheck.ok("đăng nhập được, có thư mục", elapsed(started), where)
                    : ConnectionCheck.failed("không phải thư mục", elapsed(started), where + " is not a folder");
        } catch (JSchException | SftpException e) {
            return ConnectionCheck.failed(
                    "lỗi SFTP",
                    elapsed(started),
                    a.sftpHost() + ":" + port + ": " + e.getClass().getSimpleName() + " " + e.getMessage());
        } finally {
            if (session != null) {
                session.disconnect();
            }
        }
    }

    private static long elapsed(long started) {
        return (System.nanoTime() - started) / 1_000_000;
    }
}
