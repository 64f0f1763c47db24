package vn.dossierpost.integration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A name that resolves to a metadata address after the agency was saved is still not reached. */
class NoMetadataDnsTest {
    static InetAddress ip(String literal) throws UnknownHostException {
        return InetAddress.getByName(literal);
    }

    @Test
    void metadataAndLinkLocalAddressesAreDroppedAndANameWithNothingElseIsRefused() throws Exception {
        List<InetAddress> rebound = List.of(ip("169.254.169.254"), ip("fe80::1"));
        NoMetadataDns dns = new NoMetadataDns(host -> rebound);
        assertThatThrownBy(() -> dns.lookup("motcua.example.gov.vn"))
                .isInstanceOf(UnknownHostException.class)
                .hasMessageContaining("motcua.example.gov.vn")
                .hasMessageContaining("metadata");

        NoMetadataDns mixed = new NoMetadataDns(host -> List.of(ip("169.254.169.254"), ip("203.0.113.7")));
        assertThat(mixed.lookup("motcua.example.gov.vn")).containsExactly(ip("203.0.113.7"));
        assertThat(new NoMetadataDns(host -> List.of(ip("127.0.0.1"))).lookup("localhost"))
                .containsExactly(ip("127.0.0.1"));
    }
}
