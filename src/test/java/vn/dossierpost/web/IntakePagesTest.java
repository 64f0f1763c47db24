package vn.dossierpost.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import jakarta.ws.rs.client.Client;
import jakarta.ws.rs.client.ClientBuilder;
import jakarta.ws.rs.client.Entity;
import jakarta.ws.rs.client.Invocation;
import jakarta.ws.rs.core.Form;
import jakarta.ws.rs.core.Response;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.glassfish.jersey.client.ClientProperties;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import vn.dossierpost.DossierpostConfiguration;
import vn.dossierpost.domain.Role;
import vn.dossierpost.support.Dossiers;
import vn.dossierpost.support.TestApp;

/** The intake form over plain HTTP: refused without its CSRF token, and a refused form stores nothing. */
@ExtendWith(DropwizardExtensionsSupport.class)
class IntakePagesTest {
    static final TestApp APP = new TestApp();
    static final DropwizardAppExtension<DossierpostConfiguration> EXT = APP.extension();
    private static final Client CLIENT = ClientBuilder.newClient();
    private static final Pattern META_CSRF = Pattern.compile("<meta name=\"csrf-token\" content=\"([^\"]+)\">");

    static String session;
    static String csrf;

    @BeforeAll
    static void signIn() {
        APP.addUser("clerk", Role.COUNTER, Dossiers.OFFICE, null);
        try (Response login = request("/login").get()) {
            String token = login.getCookies().get(Cookies.LOGIN_CSRF).getValue();
            Form fields = new Form("username", "clerk")
                    .param("password", TestApp.PASSWORD)
                    .param("_csrf", token);
            try (Response in =
                    request("/login").cookie(Cookies.LOGIN_CSRF, token).post(Entity.form(fields))) {
                assertThat(in.getStatus()).isEqualTo(303);
                session = in.getCookies().get(Cookies.SESSION).getValue();
            }
        }
        try (Response form =
                request("/counter/tiep-nhan").cookie(Cookies.SESSION, session).get()) {
            assertThat(form.getStatus()).isEqualTo(200);
            Matcher m = META_CSRF.matcher(form.readEntity(String.class));
            assertThat(m.find()).isTrue();
            csrf = m.group(1);
        }
    }

    @Test
    void aFormWithoutTheCsrfTokenIsRefusedAndStoresNothing() {
        long before = dossierRows();
        Form complete = complete();
        try (Response res =
                request("/counter/tiep-nhan").cookie(Cookies.SESSION, session).post(Entity.form(complete))) {
            assertThat(res.getStatus()).isEqualTo(403);
        }
        Form wrong = complete().param("_csrf", "not-the-token");
        try (Response res =
                request("/counter/tiep-nhan").cookie(Cookies.SESSION, session).post(Entity.form(wrong))) {
            assertThat(res.getStatus()).isEqualTo(403);
        }
        assertThat(dossierRows()).isEqualTo(before);

        // the same form with its token goes through: the refusal was the token's
        try (Response res = request("/counter/tiep-nhan")
                .cookie(Cookies.SESSION, session)
                .post(Entity.form(complete().param("_csrf", csrf)))) {
            assertThat(res.getStatus()).isEqualTo(303);
            assertThat(res.getLocation().getPath())
                    .matches("/counter/tiep-nhan/000\\.00\\.15\\.H26-\\d{6}-\\d{4}/xong");
        }
        assertThat(dossierRows()).isEqualTo(before + 1);
    }

    @Test
    void anUnknownProcedureComesBackBesideItsFieldWithTheEntriesKept() {
        long before = dossierRows();
        Form form = complete().param("_csrf", csrf);
        form.asMap().putSingle("procedure", "9.999999");
        form.asMap().putSingle("citizenId", "12345");
        form.asMap().putSingle("street", " ");
        try (Response res =
                request("/counter/tiep-nhan").cookie(Cookies.SESSION, session).post(Entity.form(form))) {
            assertThat(res.getStatus()).isEqualTo(422);
            String page = res.readEntity(String.class);
            assertThat(page)
                    .contains("id=\"error-procedure\"", "unknown procedure &#39;9.999999&#39;")
                    .contains("id=\"error-citizenId\"", "id=\"error-street\"")
                    .doesNotContain("id=\"error-sameAddress\"")
                    .contains("value=\"" + Dossiers.NAME + "\"", "value=\"12345\"");
        }
        assertThat(dossierRows()).isEqualTo(before);
    }

    /** Everything a judicial-record dossier needs, as the form sends it (without the CSRF token). */
    private static Form complete() {
        return new Form("procedure", Dossiers.PROCEDURE)
                .param("serviceForm", "SEND_AND_RETURN")
                .param("paymentMethod", "CASH")
                .param("fullName", Dossiers.NAME)
                .param("citizenId", Dossiers.CITIZEN_ID)
                .param("phone", Dossiers.PHONE)
                .param("email", "")
                .param("street", Dossiers.STREET)
                .param("communeName", "Phường Hoàn Kiếm")
                .param("communeCode", "00070")
                .param("deliveryMethod", "HOME")
                .param("sameAddress", "1")
                .param("component", "TO_KHAI")
                .param("form-TO_KHAI", "ORIGINAL")
                .param("pages-TO_KHAI", "2")
                .param("component", "GIAY_TO_TUY_THAN")
                .param("form-GIAY_TO_TUY_THAN", "COPY")
                .param("pages-GIAY_TO_TUY_THAN", "1");
    }

    private static long dossierRows() {
        return APP.jdbi()
                .withHandle(h -> h.createQuery("SELECT count(*) FROM dossier")
                        .mapTo(Long.class)
                        .one());
    }

    private static Invocation.Builder request(String path) {
        return CLIENT.target(APP.url(path)).request("text/html").property(ClientProperties.FOLLOW_REDIRECTS, false);
    }
}
