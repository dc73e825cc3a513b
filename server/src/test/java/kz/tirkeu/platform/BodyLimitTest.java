package kz.tirkeu.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Arrays;
import kz.tirkeu.testing.TirkeuServerTest;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Issue [7]: the payment callback read its whole body into memory before checking the HMAC (3 × 1 GB anonymous uploads
 * took the server to 5.8 GB). Every body now has a limit enforced while reading: announced or chunked, an oversized
 * body is refused with 413 problem+json, and an ordinary one still goes through.
 */
@TirkeuServerTest
class BodyLimitTest {

    @LocalServerPort
    int port;

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void anOversizedCallbackIsRefusedWhetherItsLengthIsAnnouncedOrChunked() throws Exception {
        byte[] twoMegabytes = new byte[2 * 1024 * 1024];
        Arrays.fill(twoMegabytes, (byte) 'a');

        HttpResponse<String> announced = http.send(callback(HttpRequest.BodyPublishers.ofByteArray(twoMegabytes)), HttpResponse.BodyHandlers.ofString());
        HttpResponse<String> chunked = http.send(callback(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(twoMegabytes))),
                HttpResponse.BodyHandlers.ofString());

        for (HttpResponse<String> response : java.util.List.of(announced, chunked)) {
            assertThat(response.statusCode()).isEqualTo(413);
            assertThat(response.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
            assertThat(response.body()).contains("\"code\":\"BODY_TOO_LARGE\"");
        }
    }

    @Test
    void anOrdinaryBodyStillGoesThroughToItsChecks() throws Exception {
        HttpResponse<String> small = http.send(callback(HttpRequest.BodyPublishers.ofString("{\"invoiceId\":\"x\"}")), HttpResponse.BodyHandlers.ofString());
        assertThat(small.statusCode()).as("read, then refused for its signature").isEqualTo(401);
        assertThat(small.body()).contains("CALLBACK_SIGNATURE_INVALID");

        byte[] overDefault = new byte[1024 * 1024 + 10];
        Arrays.fill(overDefault, (byte) ' ');
        HttpResponse<String> applications = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/v1/auth/challenges"))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofByteArray(overDefault)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(applications.statusCode()).as("every other endpoint: 1 MB").isEqualTo(413);
    }

    private HttpRequest callback(HttpRequest.BodyPublisher body) {
        return HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/v1/payments/callbacks"))
                .header("Content-Type", "application/json").header("X-Payment-Signature", "sha256=00").POST(body).build();
    }

}
