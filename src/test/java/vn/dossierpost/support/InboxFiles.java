package vn.dossierpost.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import vn.dossierpost.integration.Signatures;

/**
 * Files an agency leaves in its inbox folder, as an agency must: the file, then its done file
 * {@code <name>.ready} holding {@code sha256=<HMAC-SHA256 of the file with the agency's secret>}.
 */
public final class InboxFiles {
    private InboxFiles() {}

    /** Drops a file signed with the secret the test agencies are given ({@link Handovers#SECRET}). */
    public static void drop(Path inbox, String name, String content) {
        drop(inbox, name, content, Handovers.SECRET);
    }

    /** Drops a file signed with the given secret (a wrong one, for a test of the refusal). */
    public static void drop(Path inbox, String name, String content, String secret) {
        byte[] bytes = content.getBytes(StandardCharsets.UTF_8);
        dropWithDoneFile(inbox, name, bytes, Signatures.sign(bytes, secret));
    }

    /** Drops a file whose done file holds exactly {@code doneFile} (empty: unsigned). */
    public static void dropWithDoneFile(Path inbox, String name, byte[] content, String doneFile) {
        try {
            Files.write(inbox.resolve(name), content);
            Files.writeString(inbox.resolve(name + ".ready"), doneFile, StandardCharsets.US_ASCII);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
