package vn.dossierpost.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.Test;

class BasicAuthFilterTest {

    private static String basic(String text) {
        return "Basic " + Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void theUsernameEndsAtTheFirstColonAndThePasswordIsUtf8() {
        assertThat(BasicAuthFilter.parse(basic("lan:mật:khẩu"), "10.0.0.1"))
                .isEqualTo(new BasicAuthFilter.Attempt("lan", "mật:khẩu", "10.0.0.1"));
        assertThat(BasicAuthFilter.parse(basic("lan:"), "10.0.0.1"))
                .isEqualTo(new BasicAuthFilter.Attempt("lan", "", "10.0.0.1"));
    }

    @Test
    void anythingElseIsNoCredentials() {
        assertThat(BasicAuthFilter.parse(null, "c")).isNull();
        assertThat(BasicAuthFilter.parse("Bearer dp_abc", "c")).isNull();
        assertThat(BasicAuthFilter.parse("Basic", "c")).isNull();
        assertThat(BasicAuthFilter.parse("Basic !!!not-base64", "c")).isNull();
        assertThat(BasicAuthFilter.parse(basic("no-colon"), "c")).isNull();
    }
}
