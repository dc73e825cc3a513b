package kz.tirkeu.statesystems;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import kz.tirkeu.pki.cms.Digests;
import kz.tirkeu.platform.PlatformAddresses;
import org.slf4j.MDC;
import org.springframework.stereotype.Component;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * One GET to a state system, the way every adapter makes it: a timeout, a circuit breaker per
 * system, the request logged in the exchange log, and the answer turned into an {@link Answer} with
 * its {@link Evidence}. 200 is Found, 404 NotFound; everything else — timeouts, 5xx, an answer that
 * is not the contract's JSON, an open breaker — is Unavailable, never "no data".
 */
@Component
public class StateSystemClient {

    private final PlatformAddresses addresses;
    private final ExchangeLog exchangeLog;
    private final Clock clock;
    private final StateSystemProperties properties;
    private final HttpClient http;
    private final JsonMapper json = JsonMapper.builder().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();
    private final Map<StateSystem, CircuitBreaker> breakers = new EnumMap<>(StateSystem.class);

    StateSystemClient(PlatformAddresses addresses, ExchangeLog exchangeLog, Clock clock, StateSystemProperties properties) {
        this.addresses = addresses;
        this.exchangeLog = exchangeLog;
        this.clock = clock;
        this.properties = properties;
        this.http = HttpClient.newBuilder().connectTimeout(properties.connectTimeout()).build();
        for (StateSystem system : StateSystem.values()) {
            breakers.put(system, CircuitBreaker.of(system.name(), CircuitBreakerConfig.custom()
                    .failureRateThreshold(50)
                    .minimumNumberOfCalls(properties.breakerMinimumCalls())
                    .slidingWindowSize(Math.max(20, properties.breakerMinimumCalls()))
                    .waitDurationInOpenState(properties.breakerOpenFor())
                    .permittedNumberOfCallsInHalfOpenState(2)
                    .build()));
        }
    }

    /**
     * @param path  under the system's base path, e.g. {@code "/passports/XW8…"}
     * @param facts what of the answer the platform relies on, kept in the evidence
     */
    public <T> Answer<T> get(StateSystem system, String path, Class<T> type, Function<T, Map<String, String>> facts) {
        UUID requestId = UUID.randomUUID();
        Instant requestedAt = clock.instant();
        CircuitBreaker breaker = breakers.get(system);
        if (!breaker.tryAcquirePermission()) {
            return unavailable(system, requestId, requestedAt, 0, "", "it failed repeatedly; asking again after a pause (circuit breaker open)", Optional.empty());
        }
        URI uri = addresses.stateSystem(system.basePath() + path);
        long started = System.nanoTime();
        HttpResponse<byte[]> response;
        try {
            HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(properties.requestTimeout())
                    .header("Accept", "application/json").header("X-Request-Id", requestId.toString());
            Optional.ofNullable(MDC.get("correlationId")).ifPresent(id -> request.header("X-Correlation-Id", id));
            response = http.send(request.GET().build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            breaker.onError(System.nanoTime() - started, TimeUnit.NANOSECONDS, e);
            return unavailable(system, requestId, requestedAt, 0, "", "no answer (" + e.getClass().getSimpleName() + ")", Optional.empty());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return unavailable(system, requestId, requestedAt, 0, "", "interrupted", Optional.empty());
        }
        long elapsed = System.nanoTime() - started;
        int status = response.statusCode();
        String digest = HexFormat.of().formatHex(Digests.sha256(response.body()));
        if (status == 200) {
            try {
                T value = json.readValue(response.body(), type);
                breaker.onSuccess(elapsed, TimeUnit.NANOSECONDS);
                Evidence evidence = evidence(system, requestId, requestedAt, Evidence.Outcome.FOUND, status, digest).withFacts(facts.apply(value));
                exchangeLog.record(evidence, path, Duration.ofNanos(elapsed));
                return new Answer.Found<>(value, evidence);
            } catch (RuntimeException e) { // Jackson 3 exceptions are unchecked; a record constructor may reject a value too
                breaker.onError(elapsed, TimeUnit.NANOSECONDS, e);
                return unavailable(system, requestId, requestedAt, status, digest, "its answer is not what its contract says", Optional.empty());
            }
        }
        if (status == 404) {
            breaker.onSuccess(elapsed, TimeUnit.NANOSECONDS);
            Evidence evidence = evidence(system, requestId, requestedAt, Evidence.Outcome.NOT_FOUND, status, digest);
            exchangeLog.record(evidence, path, Duration.ofNanos(elapsed));
            return new Answer.NotFound<>(evidence);
        }
        breaker.onError(elapsed, TimeUnit.NANOSECONDS, new IllegalStateException("HTTP " + status));
        return unavailable(system, requestId, requestedAt, status, digest, "it answered HTTP " + status, retryAfter(response));
    }

    private <T> Answer<T> unavailable(StateSystem system, UUID requestId, Instant requestedAt, int status, String digest, String why,
                                      Optional<Duration> retryAfter) {
        Evidence evidence = evidence(system, requestId, requestedAt, Evidence.Outcome.UNAVAILABLE, status, digest);
        exchangeLog.record(evidence, why, Duration.between(requestedAt, evidence.answeredAt()));
        return new Answer.Unavailable<>(system + " is unavailable: " + why, retryAfter, evidence);
    }

    private Evidence evidence(StateSystem system, UUID requestId, Instant requestedAt, Evidence.Outcome outcome, int status, String digest) {
        return new Evidence(system, requestId, requestedAt, clock.instant(), outcome, status, Map.of(), digest);
    }

    private static Optional<Duration> retryAfter(HttpResponse<?> response) {
        return response.headers().firstValue("Retry-After").flatMap(value -> {
            try {
                return Optional.of(Duration.ofSeconds(Long.parseLong(value.strip())));
            } catch (NumberFormatException e) {
                return Optional.empty();
            }
        });
    }

    /** For health details: which systems' breakers are open now. */
    public Map<StateSystem, String> breakerStates() {
        Map<StateSystem, String> states = new EnumMap<>(StateSystem.class);
        breakers.forEach((system, breaker) -> states.put(system, breaker.getState().name()));
        return states;
    }
}
