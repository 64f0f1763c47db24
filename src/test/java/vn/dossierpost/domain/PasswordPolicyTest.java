package vn.dossierpost.domain;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PasswordPolicyTest {
    private final PasswordPolicy policy = new PasswordPolicy(10);

    @Test
    void tooShortTooLongOrMissingIsSaidInWords() {
        assertThat(policy.problem(null)).contains("a password is required");
        assertThat(policy.problem("")).contains("a password is required");
        assertThat(policy.problem("123456789")).contains("at least 10 characters");
        assertThat(policy.problem("x".repeat(73)))
                .hasValueSatisfying(p -> assertThat(p).startsWith("at most 72 bytes"));
    }

    @Test
    void lengthIsCountedInCharactersAndTheLimitInBytes() {
        // ten letters with diacritics: ten characters, enough, though each is two or three bytes
        assertThat(policy.problem("mậtkhẩuđẹp")).isEmpty();
        assertThat(policy.problem("x".repeat(72))).isEmpty();
        assertThat(PasswordPolicy.fitsBcrypt("ệ".repeat(24))).isTrue(); // 72 bytes
        assertThat(PasswordPolicy.fitsBcrypt("ệ".repeat(25))).isFalse(); // 75 bytes
    }
}
