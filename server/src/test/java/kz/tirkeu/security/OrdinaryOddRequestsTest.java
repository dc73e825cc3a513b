package kz.tirkeu.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import kz.tirkeu.testing.TirkeuClient;
import kz.tirkeu.testing.TirkeuServerTest;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Issue [7], the 5xx an attacker got from ordinary requests: an empty parameter name, a page number that overflows the
 * offset, a NUL byte in a search, an HTML Accept on JSON endpoints, a return path with braces. None may give a 5xx,
 * and an API error is problem+json with a code.
 */
@TirkeuServerTest
class OrdinaryOddRequestsTest {

    @LocalServerPort
    int port;

    private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    @Test
    void oddButOrdinaryRequestsNeverGiveA5xx() throws Exception {
        TirkeuClient client = new TirkeuClient(port);
        String seller = client.signIn("dealer1-manager");
        String officer = client.signIn("staff-police-officer");
        List<Map.Entry<String, String[]>> requests = List.of(
                Map.entry("/api/v1/applications?=x", new String[] {"Authorization", "Bearer " + seller}),
                Map.entry("/verify?=x", new String[] {"Accept", "text/html"}),
                Map.entry("/api/v1/applications?page=107374183&size=20", new String[] {"Authorization", "Bearer " + seller}),
                Map.entry("/api/v1/applications?page=-1&size=0", new String[] {"Authorization", "Bearer " + seller}),
                Map.entry("/api/v1/register/vehicles?vin=%00", new String[] {"Authorization", "Bearer " + officer}),
                Map.entry("/api/v1/me", new String[] {"Authorization", "Bearer " + seller, "Accept", "text/html"}),
                Map.entry("/actuator/health", new String[] {"Accept", "text/html"}),
                Map.entry("/language?lang=en&return=/%7Bx%7D", new String[] {"Accept", "text/html"}));
        for (Map.Entry<String, String[]> request : requests) {
            HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create("http://localhost:" + port + request.getKey())).GET();
            for (int i = 0; i + 1 < request.getValue().length; i += 2) {
                builder.header(request.getValue()[i], request.getValue()[i + 1]);
            }
            HttpResponse<String> response = http.send(builder.build(), HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).as(request.getKey() + " → " + response.body()).isLessThan(500);
            if (request.getKey().startsWith("/api/") && response.statusCode() >= 400) {
                assertThat(response.headers().firstValue("Content-Type").orElse("")).as(request.getKey()).startsWith("application/problem+json");
                assertThat(response.body()).as(request.getKey()).contains("\"code\"");
            }
        }
    }
}
