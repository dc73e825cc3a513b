package kz.tirkeu.platform;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;

/**
 * How long to wait before asking an outside system again: exponential from {@code first}, at most
 * {@code longest}, spread by up to a fifth so that servers retrying after one outage do not all come
 * back at once; or the system's own Retry-After when it gave one within those bounds.
 */
public record Backoff(Duration first, Duration longest) {

    public Duration after(int failedAttempts, Optional<Duration> retryAfter) {
        Duration wait = first.multipliedBy(1L << Math.min(Math.max(failedAttempts, 0), 16));
        if (wait.compareTo(longest) > 0) {
            wait = longest;
        }
        Duration jittered = wait.plusMillis(ThreadLocalRandom.current().nextLong(wait.toMillis() / 5 + 1));
        return retryAfter.filter(r -> r.compareTo(longest) <= 0 && r.compareTo(first) > 0).orElse(jittered);
    }
}
