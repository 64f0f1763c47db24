package vn.dossierpost.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Which client a request is counted against, with and without trusted proxies. */
class TrustedProxiesTest {
    private final TrustedProxies proxies = new TrustedProxies(List.of("10.0.0.0/8", "192.0.2.10", "2001:db8::/32"));

    @Test
    void withoutTrustedProxiesTheHeaderIsIgnored() {
        assertThat(TrustedProxies.none().clientOf("198.51.100.7", "203.0.113.1"))
                .isEqualTo("198.51.100.7");
    }

    @Test
    void aRequestNotFromATrustedProxyIsItsConnectionsAddress() {
        assertThat(proxies.clientOf("198.51.100.7", "203.0.113.1")).isEqualTo("198.51.100.7");
        assertThat(proxies.clientOf("10.1.2.3", null)).isEqualTo("10.1.2.3");
    }

    @Test
    void behindTrustedProxiesTheClientIsTheFirstUntrustedHopFromTheRight() {
        assertThat(proxies.clientOf("10.1.2.3", "203.0.113.1")).isEqualTo("203.0.113.1");
        // a load balancer (192.0.2.10) in front of the proxy (10.1.2.3)
        assertThat(proxies.clientOf("10.1.2.3", "203.0.113.1, 192.0.2.10")).isEqualTo("203.0.113.1");
        assertThat(proxies.clientOf("2001:db8::5", "2001:db8::9, 2a00:1450::1")).isEqualTo("2a00:1450::1");
    }

    @Test
    void whatTheClientWroteItselfIsNotBelieved() {
        // the client sent "X-Forwarded-For: 1.2.3.4" hoping for a fresh budget; the proxy appended its address
        assertThat(proxies.clientOf("10.1.2.3", "1.2.3.4, 203.0.113.1")).isEqualTo("203.0.113.1");
        assertThat(proxies.clientOf("10.1.2.3", "203.0.113.1, không-phải-địa-chỉ"))
                .as("a hop that is not an address: the nearest trusted hop")
                .isEqualTo("10.1.2.3");
        assertThat(proxies.clientOf("10.1.2.3", "10.9.9.9"))
                .as("only trusted hops")
                .isEqualTo("10.9.9.9");
    }

    @Test
    void aWrongEntryIsRefusedAtStartUpNamingIt() {
        assertThatThrownBy(() -> new TrustedProxies(List.of("proxy.example")))
                .hasMessageContaining("trustedProxies")
                .hasMessageContaining("proxy.example");
        assertThatThrownBy(() -> new TrustedProxies(List.of("10.0.0.0/33"))).hasMessageContaining("10.0.0.0/33");
    }
}
