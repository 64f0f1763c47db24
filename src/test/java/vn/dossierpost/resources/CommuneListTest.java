package vn.dossierpost.resources;

import static org.assertj.core.api.Assertions.assertThat;

import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import jakarta.ws.rs.core.GenericType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import vn.dossierpost.DossierpostConfiguration;
import vn.dossierpost.support.TestApp;

/**
 * The official commune list of 2025-07-01 is loaded whole (3,321 in 34 provinces) beside the
 * catalogue's sample, whose rows keep their codes and names; anyone can search it by name with or
 * without diacritics.
 */
@ExtendWith(DropwizardExtensionsSupport.class)
class CommuneListTest {
    static final TestApp APP = new TestApp();
    static final DropwizardAppExtension<DossierpostConfiguration> EXT = APP.extension();

    @Test
    void everyCommuneOfTheOfficialListIsThere() {
        Map<String, Object> counts = APP.jdbi()
                .withHandle(h -> h.createQuery("SELECT (SELECT count(*) FROM commune) AS communes, "
                                + "(SELECT count(*) FROM province) AS provinces, "
                                + "(SELECT count(DISTINCT province_code) FROM commune) AS with_communes")
                        .mapToMap()
                        .one());
        assertThat(counts)
                .containsEntry("communes", 3321L)
                .containsEntry("provinces", 34L)
                .containsEntry("with_communes", 34L);
        // a sample row of the catalogue, unchanged; and rows only the official list has
        assertThat(name("00070")).isEqualTo("Phường Hoàn Kiếm");
        assertThat(name("23938")).isEqualTo("Xã Ia Mơ");
        assertThat(name("06970")).isEqualTo("Xã Ba Chẽ");
    }

    @Test
    void anyoneFindsACommuneByNameWithOrWithoutDiacritics() {
        List<Map<String, Object>> plain = search("/api/communes?q=ia%20mo");
        assertThat(plain)
                .anySatisfy(c -> assertThat(c)
                        .containsEntry("code", "23938")
                        .containsEntry("name", "Xã Ia Mơ")
                        .containsEntry("provinceName", "Tỉnh Gia Lai"));
        assertThat(search("/api/communes?q=Ia%20M%C6%A1")).isEqualTo(plain);
        assertThat(search("/api/communes?q=phuong&limit=50")).hasSize(50);
        try (Response r = EXT.client()
                .target(APP.url("/api/communes?q=a&limit=500"))
                .request()
                .get()) {
            assertThat(r.getStatus()).isEqualTo(422);
            assertThat(r.readEntity(String.class)).contains("limit");
        }
        try (Response r =
                EXT.client().target(APP.url("/api/communes")).request().get()) {
            assertThat(r.getStatus()).isEqualTo(422);
            assertThat(r.readEntity(String.class)).contains("\"q\"");
        }
    }

    private static String name(String code) {
        return APP.jdbi()
                .withHandle(h -> h.createQuery("SELECT name FROM commune WHERE code = :c")
                        .bind("c", code)
                        .mapTo(String.class)
                        .one());
    }

    private static List<Map<String, Object>> search(String path) {
        try (Response r = EXT.client().target(APP.url(path)).request().get()) {
            assertThat(r.getStatus()).isEqualTo(200);
            return r.readEntity(new GenericType<>() {});
        }
    }
}
