package kz.tirkeu.sandbox.callback;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * How the sandbox's services call the platform back, as the real SMS aggregator and payment gateway
 * do: a JSON body POSTed with a header {@code sha256=<hex HMAC-SHA256 of the exact body bytes>} under a
 * shared secret, tried again with backoff while the callback refuses the connection or answers other
 * than 2xx, then given up. One place for this, so the SMS receipts and the payment confirmations fail
 * and retry alike.
 */
public final class SignedCallbacks implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(SignedCallbacks.class);
    private static final String PREFIX = "sha256=";

    /** The body and its signature, kept together so that a replay sends exactly the same bytes. */
    public record Callback(URI url, String header, byte[] body, String signature) {
        public static Callback signed(URI url, String header, byte[] body, String secret) {
            return new Callback(url, header, body.clone(), hmacSha256(body, secret));
        }
    }

    /** How posting one callback went so far. */
    public enum State { PENDING, POSTED, GAVE_UP }

    /** @param attempts how many times it was posted; {@code lastError} why the last one failed */
    public record Delivery(State state, int attempts, Optional<String> lastError) {}

    private final String name;
    private final List<Duration> retryDelays;
    private final HttpClient http;
    private final ScheduledExecutorService timer;
    private final ExecutorService posting = Executors.newVirtualThreadPerTaskExecutor();

    /**
     * @param name        for the timer thread and the log ("sms", "payments")
     * @param retryDelays the waits before each further attempt; their number is the number of retries
     */
    public SignedCallbacks(String name, List<Duration> retryDelays) {
        this.name = name;
        this.retryDelays = List.copyOf(retryDelays);
        this.http = HttpClient.newBuilder()
                .connectTimeout(Duration.ofSeconds(2))
                .followRedirects(HttpClient.Redirect.NEVER)
                .executor(posting)
                .build();
        this.timer = Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform().name("sandbox-" + name + "-timer").daemon().factory());
    }

    /** {@code sha256=} and the hex HMAC-SHA256 of the body under the secret. */
    public static String hmacSha256(byte[] body, String secret) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return PREFIX + HexFormat.of().formatHex(mac.doFinal(body));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is missing from this JDK", e);
        }
    }

    /**
     * Posts the callback now, and again after each retry delay while it fails.
     *
     * @param what     what it is, for the log ("the delivery receipt of SMS 42")
     * @param progress told after every attempt
     */
    public void post(Callback callback, String what, Consumer<Delivery> progress) {
        attempt(callback, what, progress, 1);
    }

    private void attempt(Callback callback, String what, Consumer<Delivery> progress, int attempt) {
        HttpRequest request = HttpRequest.newBuilder(callback.url())
                .timeout(Duration.ofSeconds(5))
                .header("Content-Type", "application/json")
                .header(callback.header(), callback.signature())
                .POST(HttpRequest.BodyPublishers.ofByteArray(callback.body()))
                .build();
        try {
            http.sendAsync(request, HttpResponse.BodyHandlers.discarding()).whenComplete((response, failure) -> {
                Optional<String> problem = failure != null ? Optional.of(describe(failure))
                        : response.statusCode() / 100 != 2 ? Optional.of("HTTP " + response.statusCode()) : Optional.empty();
                if (problem.isEmpty()) {
                    progress.accept(new Delivery(State.POSTED, attempt, Optional.empty()));
                    return;
                }
                if (attempt > retryDelays.size()) {
                    progress.accept(new Delivery(State.GAVE_UP, attempt, problem));
                    log.warn("Gave up posting {} to {} after {} attempts; the last failed with {}", what, callback.url(), attempt, problem.get());
                    return;
                }
                progress.accept(new Delivery(State.PENDING, attempt, problem));
                Duration wait = retryDelays.get(attempt - 1);
                log.debug("Posting {} to {} failed ({}); trying again in {}", what, callback.url(), problem.get(), wait);
                later(wait, () -> attempt(callback, what, progress, attempt + 1));
            });
        } catch (RejectedExecutionException | IllegalStateException stopping) {
            log.debug("The sandbox's {} is stopping; {} is dropped", name, what);
        }
    }

    private static String describe(Throwable failure) {
        Throwable cause = failure instanceof CompletionException && failure.getCause() != null ? failure.getCause() : failure;
        if (cause instanceof HttpTimeoutException) {
            return "timed out";
        }
        if (cause instanceof IOException && cause.getMessage() == null) {
            return cause.getClass().getSimpleName();
        }
        return cause.getClass().getSimpleName() + ": " + cause.getMessage();
    }

    /** Runs the task on a virtual thread after the wait; dropped if the sandbox stops first. */
    public void later(Duration wait, Runnable task) {
        try {
            timer.schedule(() -> {
                try {
                    posting.execute(task);
                } catch (RejectedExecutionException stopping) {
                    // The application is stopping: what was still due is dropped, as a service being shut down would.
                }
            }, wait.toMillis(), TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException stopping) {
            log.debug("The sandbox's {} is stopping; a task due in {} is dropped", name, wait);
        }
    }

    @Override
    public void close() {
        timer.shutdownNow();
        http.shutdownNow();
        posting.shutdownNow();
    }
}
