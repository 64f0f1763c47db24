package vn.dossierpost.service.catalogue;

import com.jcraft.jsch.JSch;
import com.jcraft.jsch.JSchException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Whether the service may talk SFTP to a host: only when the host's key is pinned in the OpenSSH
 * known_hosts file {@code handover.sftpKnownHosts} (so a server presenting another key is refused
 * before the password is sent), or when {@code handover.sftpInsecure: true} says explicitly that keys
 * are not checked (a test server whose key is new on every run). The file is read with JSch, the
 * library that checks the key on connection, so both agree on what "pinned" means (hashed names,
 * {@code [host]:port} for a port other than 22). It also holds the service's own key for SFTP logins
 * ({@code handover.sftpPrivateKey}), if one is set: the SSH keys of a login, the server's and ours.
 */
public final class SftpHostKeys {
    private final Path knownHosts;
    private final boolean insecure;
    private final Path clientKey;

    /**
     * @param knownHosts the known_hosts file, or null
     * @param insecure   whether host keys may go unchecked (handover.sftpInsecure)
     */
    public SftpHostKeys(Path knownHosts, boolean insecure) {
        this(knownHosts, insecure, null);
    }

    /**
     * @param clientKey the service's own private key (OpenSSH format) offered at every SFTP login
     *                  before the password (handover.sftpPrivateKey), or null
     */
    public SftpHostKeys(Path knownHosts, boolean insecure, Path clientKey) {
        this.knownHosts = knownHosts == null ? null : knownHosts.toAbsolutePath();
        this.insecure = insecure;
        this.clientKey = clientKey == null ? null : clientKey.toAbsolutePath();
    }

    /** The service's own private key for SFTP logins, or null when logins use passwords only. */
    public Path clientKey() {
        return clientKey;
    }

    /** The known_hosts file, or null when none is configured. */
    public Path knownHosts() {
        return knownHosts;
    }

    /** Whether host keys may go unchecked: only when no known_hosts file is set and sftpInsecure says so. */
    public boolean unchecked() {
        return knownHosts == null && insecure;
    }

    /** Why the service must not connect to this SFTP server, if it must not. */
    public Optional<String> problem(String host, Integer port) {
        if (unchecked()) {
            return Optional.empty();
        }
        int p = port == null ? 22 : port;
        String name = p == 22 ? host : "[" + host + "]:" + p;
        if (knownHosts == null) {
            return Optional.of("the SFTP server's host key cannot be checked: set handover.sftpKnownHosts (an OpenSSH "
                    + "known_hosts file holding " + name + "), or handover.sftpInsecure: true for a test server");
        }
        if (!Files.isReadable(knownHosts)) {
            return Optional.of("the known_hosts file " + knownHosts + " (handover.sftpKnownHosts) cannot be read");
        }
        try {
            JSch jsch = new JSch();
            jsch.setKnownHosts(knownHosts.toString());
            if (jsch.getHostKeyRepository().getHostKey(name, null).length == 0) {
                return Optional.of("no host key for " + name + " in " + knownHosts
                        + " (handover.sftpKnownHosts): add it (ssh-keyscan -p " + p + " " + host
                        + ", checked with the agency) before the service may connect");
            }
            return Optional.empty();
        } catch (JSchException e) {
            return Optional.of("the known_hosts file " + knownHosts + " cannot be read: " + e.getMessage());
        }
    }
}
