package vn.dossierpost.auth;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Set;

/**
 * The one rule for CSRF tokens, shared by the pages' filter and the API's session sign-in: which
 * requests change something, the header that carries the token, and a comparison in constant time
 * (so that how long a refusal takes says nothing about how much of a guess was right).
 */
public final class CsrfTokens {
    public static final String HEADER = "X-CSRF-Token";
    private static final Set<String> CHANGING = Set.of("POST", "PUT", "PATCH", "DELETE");

    private CsrfTokens() {}

    public static boolean changes(String method) {
        return CHANGING.contains(method);
    }

    public static boolean same(String expected, String sent) {
        return expected != null
                && !expected.isEmpty()
                && sent != null
                && MessageDigest.isEqual(
                        expected.getBytes(StandardCharsets.UTF_8), sent.getBytes(StandardCharsets.UTF_8));
    }
}
