package vn.dossierpost.service.payment;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The bank signs each callback body as the agencies sign theirs: {@code sha256=<hex HMAC-SHA256>} of
 * the exact bytes with the shared secret, compared in constant time.
 */
public final class BankSignature {
    private BankSignature() {}

    public static String sign(byte[] body, String secret) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return "sha256=" + HexFormat.of().formatHex(mac.doFinal(body));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }

    public static boolean matches(byte[] body, String secret, String received) {
        if (received == null) {
            return false;
        }
        return MessageDigest.isEqual(
                sign(body, secret).getBytes(StandardCharsets.US_ASCII),
                received.strip().getBytes(StandardCharsets.UTF_8));
    }
}
