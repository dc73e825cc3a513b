package kz.tirkeu.identity.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Clock;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import kz.tirkeu.platform.web.ProblemException;
import kz.tirkeu.platform.web.ProblemWriter;
import kz.tirkeu.identity.IdentityProperties;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Anyone may ask for a sign-in challenge, and each is a row in PostgreSQL (issue [7]: 488 a second from one client, kept
 * forever). So each client address gets {@code tirkeu.identity.challenges-per-minute} a minute, counted in this server's
 * memory in one-minute windows; more is 429 with Retry-After. Behind the TLS proxy the address is the browser's
 * (X-Forwarded-For from an internal proxy). With several servers the limit is per server; the purge
 * ({@code SignInRecordsRetention}) removes unsigned challenges an hour after they expire.
 *
 * <p>Why not a library: a fixed window per address that forgets everything each minute is the whole of it; a token-bucket
 * library would add a dependency for the same answer.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 2)
class ChallengeRateLimit extends OncePerRequestFilter {

    private static final String PATH = "/api/v1/auth/challenges";
    /** Addresses remembered in one window at most: beyond that, new addresses share one count, so memory stays bounded. */
    private static final int MAX_ADDRESSES = 100_000;

    private final int perMinute;
    private final Set<String> unlimited;
    private final Clock clock;
    private final ProblemWriter problems;
    private final Map<String, AtomicInteger> counts = new ConcurrentHashMap<>();
    private volatile long window = -1;

    ChallengeRateLimit(IdentityProperties properties, Clock clock, ProblemWriter problems) {
        this.problems = problems;
        this.perMinute = properties.challengesPerMinute();
        this.unlimited = Set.copyOf(properties.challengeLimitExempt().stream().map(String::strip).filter(a -> !a.isEmpty()).toList());
        this.clock = clock;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !"POST".equals(request.getMethod()) || !PATH.equals(request.getRequestURI().substring(request.getContextPath().length()));
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain) throws ServletException, IOException {
        String address = request.getRemoteAddr();
        if (unlimited.contains(address) || count(address) <= perMinute) {
            chain.doFilter(request, response);
            return;
        }
        long secondsLeft = 60 - (clock.millis() / 1000) % 60;
        response.setHeader("Retry-After", Long.toString(secondsLeft));
        problems.write(request, response, new ProblemException("TOO_MANY_REQUESTS", HttpStatus.TOO_MANY_REQUESTS,
                "Too many sign-in challenges from this address. Wait " + secondsLeft + " seconds and try again.", String.valueOf(secondsLeft))
                .situation("challenges"));
    }

    private int count(String address) {
        long now = clock.millis() / 60_000;
        if (now != window) {
            synchronized (this) {
                if (now != window) {
                    counts.clear();
                    window = now;
                }
            }
        }
        String key = counts.size() < MAX_ADDRESSES || counts.containsKey(address) ? address : "overflow";
        return counts.computeIfAbsent(key, k -> new AtomicInteger()).incrementAndGet();
    }
}
