package vn.dossierpost.integration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** An answer from an agency or the SMS gateway, over real HTTP, is read up to the limit and no further. */
class BoundedAnswerTest {
    private MockWebServer server;
    private final OkHttpClient client = new OkHttpClient();

    @BeforeEach
    void start() throws IOException {
        server = new MockWebServer();
        server.start();
    }

    @AfterEach
    void stop() throws IOException {
        server.close();
        client.connectionPool().evictAll();
    }

    private String answer(String body, long limit) throws IOException {
        server.enqueue(new MockResponse.Builder().code(201).body(body).build());
        try (Response response = client.newCall(
                        new Request.Builder().url(server.url("/dossiers")).build())
                .execute()) {
            return BoundedAnswer.text(response.body(), limit);
        }
    }

    @Test
    void aReceiptIsReadWhole() throws IOException {
        assertThat(answer("{\"receiptNumber\": \"STP-1\"}", 1 << 20)).isEqualTo("{\"receiptNumber\": \"STP-1\"}");
    }

    @Test
    void anAnswerOverTheLimitIsAFailedCall() {
        assertThatThrownBy(() -> answer("x".repeat(3 << 20), 1 << 20))
                .isInstanceOf(IOException.class)
                .hasMessageContaining("larger than 1048576 bytes");
    }

    @Test
    void theSmsGatewaysAnswerIsBoundedToo() {
        server.enqueue(
                new MockResponse.Builder().code(503).body("y".repeat(3 << 20)).build());
        SmsGateway sms = new SmsGateway(
                server.url("/sms").toString(),
                "X-Api-Key",
                "k",
                java.time.Duration.ofSeconds(5),
                new com.fasterxml.jackson.databind.ObjectMapper(),
                1 << 20);
        try {
            assertThatThrownBy(() -> sms.send(new vn.dossierpost.service.notify.NotificationDelivery.Message(
                            1, 1L, "RECEIVED", "SMS", "+84912345678", null, "Ho so da den co quan", 0, null)))
                    .isInstanceOf(IOException.class)
                    .hasMessageContaining("larger than");
        } finally {
            sms.close();
        }
    }
}
