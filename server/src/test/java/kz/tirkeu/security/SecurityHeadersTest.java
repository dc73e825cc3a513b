package kz.tirkeu.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import kz.tirkeu.testing.TirkeuServerTest;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Issue [7]: there was no Content-Security-Policy, Referrer-Policy or Permissions-Policy. The platform's pages and API
 * now carry them; the sandbox's own test tools (not the platform's pages) do not need to.
 */
@TirkeuServerTest
class SecurityHeadersTest {

    @LocalServerPort
    int port;

    @Test
    void thePlatformsPagesAndApiCarryTheSecurityHeaders() throws Exception {
        for (String path : new String[] {"/", "/regimes", "/api/v1/regimes"}) {
            HttpResponse<String> response = get(path);
            String csp = response.headers().firstValue("Content-Security-Policy").orElse("");
            assertThat(csp).as(path).contains("script-src 'self'").contains("style-src 'self'").contains("frame-ancestors 'none'")
                    .contains("object-src 'none'").doesNotContain("unsafe-inline").doesNotContain("unsafe-eval");
            assertThat(csp).as("NCALayer's WebSocket: the sandbox signer here, or the real one").contains("ws://localhost:" + port).contains("wss://127.0.0.1:13579");
            assertThat(response.headers().firstValue("Referrer-Policy")).as(path).contains("same-origin");
            assertThat(response.headers().firstValue("Permissions-Policy").orElse("")).as(path).contains("camera=()");
            assertThat(response.headers().firstValue("X-Content-Type-Options")).as(path).contains("nosniff");
        }
        assertThat(get("/sandbox").headers().firstValue("Content-Security-Policy")).as("the sandbox's test tools").isEmpty();
    }

    /**
     * Issue [7]: behind the TLS-terminating proxy the platform never knew it was served over HTTPS, so it sent no HSTS.
     * Forwarded headers from an internal proxy are honoured now; over plain HTTP there is still none (RFC 6797 §7.2).
     */
    @Test
    void behindAnHttpsProxyBrowsersAreToldToUseHttpsOnly() throws Exception {
        HttpResponse<String> proxied = get("/", "X-Forwarded-Proto", "https");
        assertThat(proxied.headers().firstValue("Strict-Transport-Security")).hasValueSatisfying(hsts ->
                assertThat(hsts).contains("max-age=31536000").contains("includeSubDomains"));

        assertThat(get("/").headers().firstValue("Strict-Transport-Security")).as("plain HTTP").isEmpty();
    }

    private HttpResponse<String> get(String path, String... headers) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).header("Accept", "text/html");
        for (int i = 0; i < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
