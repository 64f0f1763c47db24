package vn.dossierpost.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import vn.dossierpost.domain.Role;

class LocalPathTest {

    @ParameterizedTest
    @ValueSource(strings = {"/counter", "/counter/ho-so?ma=EH1&trang=2", "/", "/tra-cuu/EH123456785VN"})
    void aPathOfThisSiteIsFollowed(String next) {
        assertThat(LocalPath.orHome(next, Role.COUNTER)).isEqualTo(next);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "//evil.example",
                "//evil.example/counter",
                "/\\evil.example",
                "/\t/evil.example",
                "/\n/evil.example",
                "https://evil.example/",
                "javascript:alert(1)",
                "counter",
                "",
                "/a b",
            })
    void anythingElseGoesHome(String next) {
        assertThat(LocalPath.orHome(next, Role.COUNTER)).isEqualTo("/counter");
        assertThat(LocalPath.orHome(next, Role.SUPERVISOR)).isEqualTo("/supervisor");
    }

    @Test
    void noNextGoesHome() {
        assertThat(LocalPath.orHome(null, Role.COURIER)).isEqualTo("/courier");
        assertThat(LocalPath.orHome(null, Role.AGENCY)).isEqualTo("/agency");
    }
}
