package kz.tirkeu.notification;

import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;

/**
 * A circuit breaker around one provider (ARCHITECTURE.md §2): when most recent calls failed, further
 * calls are held back for a while instead of each waiting out its timeout. Only unavailability counts as
 * failure; a provider that refuses a message is up and answering. Public for the partner area's webhook deliveries
 * (one breaker per partner's receiver).
 */
public final class OutboundBreaker {

    private final CircuitBreaker breaker;
    private final String provider;

    public OutboundBreaker(String provider, NotificationProperties.CircuitBreaker settings) {
        this.provider = provider;
        this.breaker = CircuitBreaker.of(provider, CircuitBreakerConfig.custom()
                .failureRateThreshold(settings.failureRateThreshold())
                .minimumNumberOfCalls(settings.minimumCalls())
                .slidingWindowSize(Math.max(settings.window(), settings.minimumCalls()))
                .waitDurationInOpenState(settings.openFor())
                .permittedNumberOfCallsInHalfOpenState(2)
                .build());
    }

    public SendOutcome call(Supplier<SendOutcome> send) {
        if (!breaker.tryAcquirePermission()) {
            return new SendOutcome.HeldBack(provider + " is held back: its circuit breaker is open after repeated failures");
        }
        long start = System.nanoTime();
        SendOutcome outcome;
        try {
            outcome = send.get();
        } catch (RuntimeException e) {
            breaker.onError(System.nanoTime() - start, TimeUnit.NANOSECONDS, e);
            return new SendOutcome.Unavailable(provider + " failed: " + e.getClass().getSimpleName());
        }
        if (outcome instanceof SendOutcome.Unavailable unavailable) {
            breaker.onError(System.nanoTime() - start, TimeUnit.NANOSECONDS, new ProviderUnavailable(unavailable.reason()));
        } else {
            breaker.onSuccess(System.nanoTime() - start, TimeUnit.NANOSECONDS);
        }
        return outcome;
    }

    CircuitBreaker.State state() {
        return breaker.getState();
    }

    private static final class ProviderUnavailable extends RuntimeException {
        ProviderUnavailable(String reason) {
            super(reason, null, false, false);
        }
    }
}
