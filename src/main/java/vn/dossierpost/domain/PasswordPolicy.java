package vn.dossierpost.domain;

import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * What a new password must be: at least {@code minLength} characters, and at most
 * {@value #MAX_BYTES} bytes in UTF-8, because bcrypt reads no further (a longer password would be
 * cut silently, and the bcrypt library refuses it outright).
 */
public record PasswordPolicy(int minLength) {
    public static final int MAX_BYTES = 72;

    public PasswordPolicy {
        if (minLength < 1) {
            throw new IllegalArgumentException("a password of at least one character");
        }
    }

    /** What is wrong with a new password, empty when it will do. */
    public Optional<String> problem(String password) {
        if (password == null || password.isEmpty()) {
            return Optional.of("a password is required");
        }
        if (password.codePointCount(0, password.length()) < minLength) {
            return Optional.of("at least " + minLength + " characters");
        }
        if (!fitsBcrypt(password)) {
            return Optional.of("at most " + MAX_BYTES + " bytes in UTF-8 (a letter with a diacritic takes 2 or 3)");
        }
        return Optional.empty();
    }

    /** Whether bcrypt can check this password at all (any longer one can never be right). */
    public static boolean fitsBcrypt(String password) {
        return password.getBytes(StandardCharsets.UTF_8).length <= MAX_BYTES;
    }
}
