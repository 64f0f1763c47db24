package vn.dossierpost.integration;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.dossierpost.domain.AgencyChannel;
import vn.dossierpost.service.DatabaseRetry;
import vn.dossierpost.service.catalogue.AgencyChannels;

/**
 * Checks that a file in an agency's inbox folder comes from the agency before anything in it is
 * applied: its done file {@code <name>.ready} must hold {@code sha256=<hex HMAC-SHA256 of the file with
 * the agency's secret>}, as the post signs what it drops for the agency. Whoever can only write to the
 * folder cannot set a filing time, refuse a dossier or mark a result ready. A file that fails is
 * refused whole (the inbox route moves it to {@code .failed/} beside the reason).
 */
public final class InboxSignatures {
    private static final Logger LOG = LoggerFactory.getLogger(InboxSignatures.class);
    /** A signature is 71 characters; a done file much longer than that is not one. */
    static final int MAX_READY_BYTES = 1024;

    static final String EXPECTED = "it must hold sha256=<hex HMAC-SHA256 of the file with the agency's secret>";

    private final AgencyChannels agencies;
    private final DatabaseRetry retry;

    public InboxSignatures(AgencyChannels agencies, DatabaseRetry retry) {
        this.agencies = agencies;
        this.retry = retry;
    }

    /**
     * @param file    the inbox file's absolute path (its done file is beside it, still in place while
     *                the route processes the file)
     * @param content the inbox file's content
     * @throws IllegalArgumentException saying why the file is refused
     */
    public void verify(String agencyCode, String file, byte[] content) {
        Path path = Path.of(file);
        String name = path.getFileName().toString();
        String secret = retry.call("the secret of agency " + agencyCode, () -> agencies.channel(agencyCode))
                .map(AgencyChannel::secret)
                .orElse(null);
        String refusal = null;
        if (secret == null || secret.isBlank()) {
            refusal = "agency " + agencyCode + " has no secret to check its signature with; nothing applied";
        } else {
            String received = readDoneFile(path.resolveSibling(name + ".ready"));
            if (received == null || received.isBlank()) {
                refusal = "unsigned: " + name + ".ready is empty; " + EXPECTED + "; nothing applied";
            } else if (!Signatures.matches(content, secret, received)) {
                refusal = "wrong signature: " + name + ".ready does not hold the HMAC-SHA256 of " + name
                        + " with the agency's secret; " + EXPECTED + "; nothing applied";
            }
        }
        if (refusal != null) {
            LOG.warn("agency {}: inbox file {} refused: {}", agencyCode, name, refusal);
            throw new IllegalArgumentException(refusal);
        }
    }

    /** The done file's text, at most {@link #MAX_READY_BYTES}; null when it is gone. */
    private static String readDoneFile(Path ready) {
        try (InputStream in = Files.newInputStream(ready)) {
            byte[] head = in.readNBytes(MAX_READY_BYTES + 1);
            if (head.length > MAX_READY_BYTES) {
                throw new IllegalArgumentException(ready.getFileName() + " is longer than " + MAX_READY_BYTES
                        + " bytes: not a signature; nothing applied");
            }
            return new String(head, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            return null;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
