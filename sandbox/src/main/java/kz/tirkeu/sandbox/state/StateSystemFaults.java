package kz.tirkeu.sandbox.state;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;
import org.springframework.context.ApplicationListener;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.web.servlet.function.HandlerFilterFunction;
import org.springframework.web.servlet.function.ServerRequest;
import org.springframework.web.servlet.function.ServerResponse;

/**
 * Faults a tester turns on per state system: latency before every answer, a share of 503s, of requests
 * held as if the system hung, of 200s whose body is not the contract's JSON, and an outage until a given
 * instant. {@link #filter} applies them to a system's routes; {@link #reset} turns all off and tells the
 * listeners (the e-contract retry counter).
 */
public final class StateSystemFaults implements AutoCloseable, ApplicationListener<ContextClosedEvent> {

    public static final List<String> SYSTEMS = List.of("gbdul", "epts", "customs", "recycling", "gbdfl", "econtracts", "erap", "mbg", "psc", "sms", "payments",
            "print-centre", "plate-maker", "digital-documents");
    static final String MALFORMED_BODY = "{\"status\":\"OK\",\"data\":<html>Service temporarily unavailable";

    /** @param outageUntil an ISO instant, or null */
    public record Settings(long latencyMs, double errorRate, double timeoutRate, double malformedRate, String outageUntil) {
        public static final Settings NONE = new Settings(0, 0, 0, 0, null);
    }

    private final Map<String, Settings> settings = new ConcurrentHashMap<>();
    private final List<Runnable> resetListeners = new CopyOnWriteArrayList<>();
    private final Duration hold;
    private final Clock clock;
    private final Object released = new Object();
    private long generation;
    private int holding;
    private volatile boolean closed;

    public StateSystemFaults(Duration hold, Clock clock) {
        this.hold = hold;
        this.clock = clock;
    }

    public Map<String, Settings> all() {
        Map<String, Settings> all = new LinkedHashMap<>();
        for (String system : SYSTEMS) {
            all.put(system, of(system));
        }
        return all;
    }

    public Settings of(String system) {
        return settings.getOrDefault(system, Settings.NONE);
    }

    /** @throws IllegalArgumentException for an unknown system or values out of range, with what to send */
    public void set(String system, Settings value) {
        if (!SYSTEMS.contains(system)) {
            throw new IllegalArgumentException("There is no state system '" + system + "'; faults are set for one of " + SYSTEMS + ".");
        }
        if (value.latencyMs() < 0 || value.latencyMs() > 60_000) {
            throw new IllegalArgumentException("latencyMs must be 0–60000.");
        }
        for (double rate : new double[] {value.errorRate(), value.timeoutRate(), value.malformedRate()}) {
            if (!(rate >= 0 && rate <= 1)) {
                throw new IllegalArgumentException("errorRate, timeoutRate and malformedRate must be 0.0–1.0.");
            }
        }
        if (value.outageUntil() != null) {
            Instant.parse(value.outageUntil());
        }
        settings.put(system, value);
    }

    public void onReset(Runnable listener) {
        resetListeners.add(listener);
    }

    /** All faults off, held requests let go, and the listeners told. */
    public void reset() {
        settings.clear();
        release();
        resetListeners.forEach(Runnable::run);
    }

    /** Held requests let go, and no more held: the sandbox is stopping. */
    @Override
    public void close() {
        closed = true;
        release();
    }

    /**
     * Closing already when the context starts to close, before the web server's graceful shutdown, which
     * would otherwise wait for requests held by a timeout fault.
     */
    @Override
    public void onApplicationEvent(ContextClosedEvent event) {
        close();
    }

    private void release() {
        synchronized (released) {
            generation++;
            released.notifyAll();
        }
    }

    /** The faults of {@code system}, on the requests {@code applies} accepts. */
    public HandlerFilterFunction<ServerResponse, ServerResponse> filter(String system, Predicate<ServerRequest> applies) {
        return (request, next) -> {
            Settings now = of(system);
            if (!applies.test(request) || now.equals(Settings.NONE)) {
                return next.handle(request);
            }
            if (now.latencyMs() > 0) {
                Thread.sleep(now.latencyMs());
            }
            if (now.outageUntil() != null && clock.instant().isBefore(Instant.parse(now.outageUntil()))) {
                return unavailable(request, system + " is down until " + now.outageUntil() + " (sandbox fault: outage).", 60);
            }
            ThreadLocalRandom random = ThreadLocalRandom.current();
            if (now.errorRate() > 0 && random.nextDouble() < now.errorRate()) {
                return unavailable(request, system + " failed to answer (sandbox fault: errorRate " + now.errorRate() + ").", 1);
            }
            if (now.timeoutRate() > 0 && random.nextDouble() < now.timeoutRate()) {
                holdOn();
                return problem(HttpStatus.GATEWAY_TIMEOUT, request, system + " did not answer in " + hold.toSeconds() + " s (sandbox fault: timeoutRate).", 0);
            }
            if (now.malformedRate() > 0 && random.nextDouble() < now.malformedRate()) {
                return ServerResponse.ok().contentType(MediaType.APPLICATION_JSON).body(MALFORMED_BODY);
            }
            return next.handle(request);
        };
    }

    /** How many requests a timeout fault is holding right now: a test waits for this instead of sleeping and hoping. */
    public int holding() {
        synchronized (released) {
            return holding;
        }
    }

    /** Like a system that hangs: until the hold passes, the faults are reset or the sandbox stops; interruptible. */
    private void holdOn() throws InterruptedException {
        long deadline = System.nanoTime() + hold.toNanos();
        synchronized (released) {
            long started = generation;
            long left;
            holding++;
            try {
                while (!closed && generation == started && (left = deadline - System.nanoTime()) > 0) {
                    released.wait(Math.max(1, left / 1_000_000));
                }
            } finally {
                holding--;
            }
        }
    }

    static ServerResponse unavailable(ServerRequest request, String detail, int retryAfterSeconds) {
        return problem(HttpStatus.SERVICE_UNAVAILABLE, request, detail, retryAfterSeconds);
    }

    private static ServerResponse problem(HttpStatus status, ServerRequest request, String detail, int retryAfterSeconds) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setInstance(URI.create(request.requestPath().value()));
        ServerResponse.BodyBuilder response = ServerResponse.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON);
        if (retryAfterSeconds > 0) {
            response.header("Retry-After", String.valueOf(retryAfterSeconds));
        }
        return response.body(problem);
    }
}
