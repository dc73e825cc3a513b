package kz.tirkeu.partner.web;

import java.time.Clock;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import kz.tirkeu.partner.client.PartnerCaller;
import org.springframework.stereotype.Component;

/**
 * Each partner system gets the requests a minute its registration says, counted in this server's memory in one-minute
 * windows, as {@code ChallengeRateLimit} counts sign-in challenges per address: a fixed window that forgets everything
 * each minute is all the limit needs. With several servers behind a balancer the budget is per server.
 */
@Component
class PartnerRateLimit {

    private final Clock clock;
    private final Map<String, AtomicInteger> counts = new ConcurrentHashMap<>();
    private volatile long window = -1;

    PartnerRateLimit(Clock clock) {
        this.clock = clock;
    }

    /** Empty if the request is within the client's budget; otherwise the seconds until the next window. */
    OptionalLong admit(PartnerCaller caller) {
        long millis = clock.millis();
        long now = millis / 60_000;
        if (now != window) {
            synchronized (this) {
                if (now != window) {
                    counts.clear();
                    window = now;
                }
            }
        }
        // Keys are registered client ids, so the map is as small as the partner register.
        int count = counts.computeIfAbsent(caller.clientId(), k -> new AtomicInteger()).incrementAndGet();
        return count <= caller.requestsPerMinute() ? OptionalLong.empty() : OptionalLong.of(60 - (millis / 1000) % 60);
    }
}
