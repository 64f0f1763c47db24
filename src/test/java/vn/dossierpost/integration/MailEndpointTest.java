package vn.dossierpost.integration;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class MailEndpointTest {

    @Test
    void plainSmtpWithoutLogin() {
        assertThat(MailEndpoint.uri(
                        "127.0.0.1", 2525, false, false, "", "", "no-reply@localhost", Duration.ofSeconds(2)))
                .isEqualTo("smtp://127.0.0.1:2525?from=RAW(no-reply@localhost)&connectionTimeout=2000");
    }

    @Test
    void implicitTlsOrStartTlsWithALoginWhoseCharactersSurvive() {
        assertThat(MailEndpoint.uri(
                        "smtp.example.vn",
                        465,
                        true,
                        false,
                        "thongbao",
                        "a&b+c",
                        "thongbao@example.vn",
                        Duration.ofSeconds(10)))
                .startsWith("smtps://smtp.example.vn:465?")
                .contains("&username=RAW(thongbao)&password=RAW(a&b+c)");
        assertThat(MailEndpoint.uri(
                        "smtp.example.vn", 587, false, true, "u", "p)q", "x@example.vn", Duration.ofSeconds(10)))
                .startsWith("smtp://")
                .contains("&password=RAW{p)q}")
                .endsWith("&mail.smtp.starttls.enable=true&mail.smtp.starttls.required=true");
    }
}
