package kz.tirkeu;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.resttestclient.autoconfigure.AutoConfigureRestTestClient;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.test.web.servlet.client.RestTestClient;

import kz.tirkeu.observability.CorrelationId;

/** The server as an operator and a partner channel see it: over real HTTP, on the real PostgreSQL. */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@AutoConfigureRestTestClient
class TirkeuApplicationTest {

    @Autowired
    RestTestClient http;

    @Test
    void healthIsUpWithTheDatabaseReachableAndShowsNoDetailsToAnyone() {
        http.get().uri("/actuator/health")
                .exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.status").isEqualTo("UP")
                // Issue [7]: the details (disk path, breaker states) were public.
                .jsonPath("$.components").doesNotExist();
    }

    @Test
    void prometheusCanScrapeMetricsIncludingTheConnectionPoolWithItsToken() {
        http.get().uri("/actuator/prometheus").exchange().expectStatus().isUnauthorized();
        http.get().uri("/actuator/prometheus").header("Authorization", "Bearer wrong").exchange().expectStatus().isUnauthorized();
        String metrics = http.get().uri("/actuator/prometheus")
                .header("Authorization", "Bearer sandbox-metrics-token")
                .exchange()
                .expectStatus().isOk()
                .returnResult(String.class).getResponseBody();

        assertThat(metrics).contains("jvm_memory_used_bytes", "hikaricp_connections_active");
    }

    @Test
    void theCallersCorrelationIdComesBack() {
        http.get().uri("/actuator/health")
                .header(CorrelationId.HEADER, "dealer-42.request-7")
                .exchange()
                .expectHeader().valueEquals(CorrelationId.HEADER, "dealer-42.request-7");
    }

    @Test
    void aRequestWithoutCorrelationIdGetsAFreshOne() {
        String first = correlationIdOfAHealthCheck();
        String second = correlationIdOfAHealthCheck();

        assertThat(first).matches("[0-9a-f-]{36}");
        assertThat(second).matches("[0-9a-f-]{36}").isNotEqualTo(first);
    }

    @Test
    void aCorrelationIdThatCouldForgeLogLinesIsReplaced() {
        String forged = "x".repeat(65);

        String returned = http.get().uri("/actuator/health")
                .header(CorrelationId.HEADER, forged)
                .exchange()
                .returnResult().getResponseHeaders().getFirst(CorrelationId.HEADER);

        assertThat(returned).isNotEqualTo(forged).matches("[0-9a-f-]{36}");
    }

    @Test
    void anErrorResponseStillCarriesTheCorrelationId() {
        http.get().uri("/no-such-page")
                .header(CorrelationId.HEADER, "lost-1")
                .exchange()
                .expectStatus().isNotFound()
                .expectHeader().valueEquals(CorrelationId.HEADER, "lost-1");
    }

    private String correlationIdOfAHealthCheck() {
        return http.get().uri("/actuator/health")
                .exchange()
                .returnResult().getResponseHeaders().getFirst(CorrelationId.HEADER);
    }
}
