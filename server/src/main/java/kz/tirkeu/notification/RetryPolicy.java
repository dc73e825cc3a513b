package kz.tirkeu.notification;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.DoubleSupplier;

/**
 * When to try again: exponential backoff with jitter, and when to give up. Jitter spreads deliveries
 * that failed together (the SMS centre was down for everyone) so they do not all return at once.
 * Public for the partner area's webhook deliveries, which retry the same way.
 */
public final class RetryPolicy {

    private final NotificationProperties.Retry settings;
    private final DoubleSupplier random;

    public RetryPolicy(NotificationProperties.Retry settings) {
        this(settings, () -> ThreadLocalRandom.current().nextDouble());
    }

    RetryPolicy(NotificationProperties.Retry settings, DoubleSupplier random) {
        this.settings = settings;
        this.random = random;
    }

    /**
     * The wait after the {@code n}-th failed try (n ≥ 1): {@code firstDelay × multiplier^(n-1)}, at most
     * {@code maxDelay}, then spread uniformly by ± jitter.
     */
    public Duration delayAfter(int n) {
        double base = settings.firstDelay().toMillis() * Math.pow(settings.multiplier(), Math.max(0, n - 1));
        double capped = Math.min(base, settings.maxDelay().toMillis());
        double spread = 1.0 + settings.jitter() * (2.0 * random.getAsDouble() - 1.0);
        return Duration.ofMillis(Math.max(1L, Math.round(capped * spread)));
    }

    /** Whether a delivery that has been tried this many times has had all its attempts. */
    public boolean exhausted(int attempts) {
        return attempts >= settings.maxAttempts();
    }

    int maxAttempts() {
        return settings.maxAttempts();
    }
}
