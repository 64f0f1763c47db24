package vn.dossierpost.integration;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * {@code sha256=<hex HMAC-SHA256>} of a file with the agency's secret: the post signs the manifests it
 * sends (the agency checks they came from the post), and the agency signs the files it leaves in its
 * inbox folder (the post checks they came from the agency).
 */
public final class Signatures {
    private Signatures() {}

    public static String sign(byte[] content, String secret) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return "sha256=" + HexFormat.of().formatHex(mac.doFinal(content));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }

    /**
     * Whether {@code received} (as read from a {@code .ready} file, surrounding white space ignored) is
     * the signature of the content, compared in constant time so that a forger learns nothing from
     * how long the answer takes.
     */
    public static boolean matches(byte[] content, String secret, String received) {
        if (received == null || secret == null || secret.isEmpty()) {
            return false;
        }
        byte[] expected = sign(content, secret).getBytes(StandardCharsets.US_ASCII);
        return MessageDigest.isEqual(expected, received.strip().getBytes(StandardCharsets.UTF_8));
    }
}
