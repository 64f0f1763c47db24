package vn.dossierpost.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPairGenerator;
import java.security.PublicKey;
import java.security.spec.ECGenParameterSpec;
import org.apache.sshd.common.config.keys.PublicKeyEntry;

/** OpenSSH known_hosts files pinning a made-up host key for the given hosts ({@code host} or {@code [host]:port}). */
public final class KnownHostsFiles {
    private KnownHostsFiles() {}

    /** Writes a known_hosts file under a fresh data folder and returns its path. */
    public static Path pinning(String... hosts) {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
            generator.initialize(new ECGenParameterSpec("secp256r1"));
            PublicKey key = generator.generateKeyPair().getPublic();
            StringBuilder lines = new StringBuilder();
            for (String host : hosts) {
                lines.append(host)
                        .append(' ')
                        .append(PublicKeyEntry.toString(key))
                        .append('\n');
            }
            Path file = TestApp.newDataDir().resolve("known_hosts");
            Files.writeString(file, lines, StandardCharsets.US_ASCII);
            return file;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
