package kz.tirkeu.issuance.production;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import kz.tirkeu.issuance.IssuanceProperties;
import kz.tirkeu.platform.PlatformAddresses;
import org.slf4j.MDC;
import org.springframework.stereotype.Component;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Calls to the systems issuance depends on, the way {@code StateSystemClient} makes GETs (which it
 * cannot reuse: production needs POSTs): a timeout, a circuit breaker per system, and every failure —
 * no answer, 5xx, a body that is not the contract's JSON, an open breaker — as {@link ExternalReply.Unavailable}.
 */
@Component
public class ExternalHttp {

    private final PlatformAddresses addresses;
    private final IssuanceProperties properties;
    private final HttpClient http;
    private final JsonMapper json = JsonMapper.builder().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();
    private final Map<String, CircuitBreaker> breakers = new ConcurrentHashMap<>();

    ExternalHttp(PlatformAddresses addresses, IssuanceProperties properties) {
        this.addresses = addresses;
        this.properties = properties;
        this.http = HttpClient.newBuilder().connectTimeout(properties.connectTimeout()).build();
    }

    /** Where a system is: its configured address, or its place under the state systems' base (the sandbox by default). */
    public URI base(String configured, String underStateSystems) {
        if (configured != null && !configured.isBlank()) {
            String url = configured.strip();
            return URI.create(url.endsWith("/") ? url.substring(0, url.length() - 1) : url);
        }
        return addresses.stateSystem(underStateSystems);
    }

    public <T> ExternalReply<T> get(String system, URI uri, Class<T> type) {
        return send(system, HttpRequest.newBuilder(uri).GET(), type);
    }

    public <T> ExternalReply<T> post(String system, URI uri, Object body, Class<T> type) {
        return send(system, HttpRequest.newBuilder(uri).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json.writeValueAsString(body))), type);
    }

    private <T> ExternalReply<T> send(String system, HttpRequest.Builder request, Class<T> type) {
        CircuitBreaker breaker = breakers.computeIfAbsent(system, name -> CircuitBreaker.of("issuance-" + name, CircuitBreakerConfig.custom()
                .failureRateThreshold(50)
                .minimumNumberOfCalls(properties.breakerMinimumCalls())
                .slidingWindowSize(Math.max(20, properties.breakerMinimumCalls()))
                .waitDurationInOpenState(properties.breakerOpenFor())
                .permittedNumberOfCallsInHalfOpenState(2)
                .build()));
        if (!breaker.tryAcquirePermission()) {
            return new ExternalReply.Unavailable<>(system + " failed repeatedly; asking again after a pause (circuit breaker open)", Optional.empty());
        }
        request.timeout(properties.requestTimeout()).header("Accept", "application/json").header("X-Request-Id", UUID.randomUUID().toString());
        Optional.ofNullable(MDC.get("correlationId")).ifPresent(id -> request.header("X-Correlation-Id", id));
        long started = System.nanoTime();
        HttpResponse<byte[]> response;
        try {
            response = http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            breaker.onError(System.nanoTime() - started, TimeUnit.NANOSECONDS, e);
            return new ExternalReply.Unavailable<>(system + " did not answer (" + e.getClass().getSimpleName() + ")", Optional.empty());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new ExternalReply.Unavailable<>("interrupted", Optional.empty());
        }
        long elapsed = System.nanoTime() - started;
        int status = response.statusCode();
        if (status == 200 || status == 201) {
            try {
                T value = json.readValue(response.body(), type);
                breaker.onSuccess(elapsed, TimeUnit.NANOSECONDS);
                return new ExternalReply.Ok<>(value);
            } catch (RuntimeException e) { // Jackson 3 exceptions are unchecked
                breaker.onError(elapsed, TimeUnit.NANOSECONDS, e);
                return new ExternalReply.Unavailable<>(system + " answered with something that is not its contract's JSON", Optional.empty());
            }
        }
        if (status == 404 || status == 400 || status == 409) {
            breaker.onSuccess(elapsed, TimeUnit.NANOSECONDS);
            String detail = detailOf(response.body());
            return status == 404 ? new ExternalReply.NotFound<>(detail) : new ExternalReply.Rejected<>(detail);
        }
        breaker.onError(elapsed, TimeUnit.NANOSECONDS, new IllegalStateException("HTTP " + status));
        return new ExternalReply.Unavailable<>(system + " answered HTTP " + status, response.headers().firstValue("Retry-After").flatMap(ExternalHttp::seconds));
    }

    private String detailOf(byte[] body) {
        try {
            JsonNode problem = json.readTree(body);
            return problem.path("detail").asString("");
        } catch (RuntimeException e) {
            return "";
        }
    }

    private static Optional<Duration> seconds(String value) {
        try {
            return Optional.of(Duration.ofSeconds(Long.parseLong(value.strip())));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }
}
