package vn.dossierpost.agencysim;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.HexFormat;

/**
 * The two hashes of the handover formats: the HMAC-SHA256 signature of a manifest with the agency's
 * secret ({@code sha256=<hex>}), compared in constant time as a real agency must, and the SHA-256 of
 * each file, computed while the bytes stream past.
 */
final class Signatures {
    private static final HexFormat HEX = HexFormat.of();

    private final String secret;

    Signatures(String secret) {
        if (secret == null || secret.isEmpty()) {
            throw new IllegalArgumentException("the agency secret must not be empty");
        }
        this.secret = secret;
    }

    /** {@code sha256=} + lowercase hex HMAC-SHA256 of the bytes: the same as the post signs with. */
    String sign(byte[] manifest) {
        return vn.dossierpost.integration.Signatures.sign(manifest, secret);
    }

    /** Whether {@code received} is the signature of the manifest, without leaking where they differ. */
    boolean verify(byte[] manifest, String received) {
        if (received == null) {
            return false;
        }
        byte[] expected = sign(manifest).getBytes(StandardCharsets.US_ASCII);
        return MessageDigest.isEqual(expected, received.strip().getBytes(StandardCharsets.UTF_8));
    }

    /** Reads the stream to its end, keeping only the byte count and the SHA-256. */
    static FileDigest digest(InputStream in) throws IOException {
        MessageDigest sha256 = sha256();
        byte[] buffer = new byte[64 * 1024];
        long size = 0;
        for (int n; (n = in.read(buffer)) >= 0; ) {
            sha256.update(buffer, 0, n);
            size += n;
        }
        return new FileDigest(size, HEX.formatHex(sha256.digest()));
    }

    static String sha256Hex(byte[] bytes) {
        return HEX.formatHex(sha256().digest(bytes));
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("SHA-256 is not available", e);
        }
    }
}
