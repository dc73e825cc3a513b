package kz.tirkeu.sandbox.sms;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.function.UnaryOperator;
import kz.tirkeu.sandbox.mobile.MobileNumber;
import kz.tirkeu.sandbox.sms.SmsMessage.Receipt;
import kz.tirkeu.sandbox.sms.SmsMessage.ReceiptState;
import kz.tirkeu.sandbox.sms.SmsMessage.Status;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The SMS centre (SMS-орталық) the platform sends one-time codes and notices through, as an SMS
 * aggregator works: it takes a message at once (202), delivers it a moment later, and posts a signed
 * delivery receipt to the sender's callback URL, retrying with backoff while the callback fails.
 * Numbers configured as unreachable fail, as a phone that is off for days would.
 *
 * <p>Messages live in memory only, the latest {@link Settings#retained()}: enough for testers to read
 * their codes, and nothing a restart of the sandbox should keep.
 */
public final class SmsCentre implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(SmsCentre.class);
    static final String UNREACHABLE = "subscriber unreachable";

    /**
     * @param receiptSecret the secret of the receipts' HMAC, shared with the platform
     * @param unreachable   numbers whose messages fail
     * @param retained      how many messages to keep for reading
     * @param deliveryDelay shortest and longest time from acceptance to delivery
     * @param retryDelays   the waits before each further attempt to post a receipt; their number is the number of retries
     */
    public record Settings(String receiptSecret, Set<MobileNumber> unreachable, int retained,
                           Duration minDeliveryDelay, Duration maxDeliveryDelay, List<Duration> retryDelays) {
        public Settings {
            unreachable = Set.copyOf(unreachable);
            retryDelays = List.copyOf(retryDelays);
        }

        /** As an aggregator answers: delivered in 100-500 ms; a receipt retried after 0.5, 1, 2 and 4 s. */
        public static Settings of(String receiptSecret, Set<MobileNumber> unreachable) {
            return new Settings(receiptSecret, unreachable, 1000, Duration.ofMillis(100), Duration.ofMillis(500),
                    List.of(Duration.ofMillis(500), Duration.ofSeconds(1), Duration.ofSeconds(2), Duration.ofSeconds(4)));
        }
    }

    private final Settings settings;
    private final Clock clock;
    private final HttpClient http;
    private final ScheduledExecutorService timer;
    private final ExecutorService posting = Executors.newVirtualThreadPerTaskExecutor();
    /** By id, oldest first; the oldest leave once there are more than {@link Settings#retained()}. */
    private final Map<String, SmsMessage> messages = new LinkedHashMap<>();

    public SmsCentre(Settings settings, Clock clock) {
        this.settings = settings;
        this.clock = clock;
        this.http = HttpClient.newBuilder()
                .connectTimeout(Duration.ofSeconds(2))
                .followRedirects(HttpClient.Redirect.NEVER)
                .executor(posting)
                .build();
        this.timer = Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform().name("sandbox-sms-timer").daemon().factory());
    }

    /** Takes a message for delivery; delivery and the receipt follow on their own. */
    public SmsMessage accept(MobileNumber to, String text, Optional<String> reference, Optional<URI> callbackUrl) {
        Instant now = clock.instant();
        SmsMessage message = new SmsMessage(UUID.randomUUID().toString(), to, text, reference, callbackUrl, now,
                Status.ACCEPTED, now, Optional.empty(), callbackUrl.isPresent() ? new Receipt(ReceiptState.PENDING, 0, Optional.empty()) : Receipt.none());
        synchronized (messages) {
            messages.put(message.id(), message);
            Iterator<String> oldest = messages.keySet().iterator();
            while (messages.size() > settings.retained()) {
                oldest.next();
                oldest.remove();
            }
        }
        long spread = settings.maxDeliveryDelay().toMillis() - settings.minDeliveryDelay().toMillis();
        long delay = settings.minDeliveryDelay().toMillis() + (spread > 0 ? ThreadLocalRandom.current().nextLong(spread + 1) : 0);
        later(Duration.ofMillis(delay), () -> deliver(message));
        return message;
    }

    /** The messages sent to a number (or all), newest first. */
    public List<SmsMessage> sent(Optional<MobileNumber> to) {
        List<SmsMessage> found = new ArrayList<>();
        synchronized (messages) {
            for (SmsMessage message : messages.values()) {
                if (to.isEmpty() || message.to().equals(to.get())) {
                    found.add(message);
                }
            }
        }
        Collections.reverse(found);
        return found;
    }

    public Optional<SmsMessage> find(String id) {
        synchronized (messages) {
            return Optional.ofNullable(messages.get(id));
        }
    }

    private void deliver(SmsMessage accepted) {
        boolean unreachable = settings.unreachable().contains(accepted.to());
        SmsMessage delivered = update(accepted.id(), message -> unreachable
                ? message.withStatus(Status.FAILED, clock.instant(), Optional.of(UNREACHABLE))
                : message.withStatus(Status.DELIVERED, clock.instant(), Optional.empty()))
                .orElseGet(() -> unreachable
                        ? accepted.withStatus(Status.FAILED, clock.instant(), Optional.of(UNREACHABLE))
                        : accepted.withStatus(Status.DELIVERED, clock.instant(), Optional.empty()));
        if (delivered.callbackUrl().isPresent()) {
            byte[] body = receiptOf(delivered);
            postReceipt(delivered, body, ReceiptSignature.of(body, settings.receiptSecret()), 1);
        }
    }

    /** The receipt as the platform reads it; the signature covers exactly these bytes. */
    private static byte[] receiptOf(SmsMessage message) {
        ObjectNode receipt = JsonMapper.shared().createObjectNode();
        receipt.put("messageId", message.id());
        message.reference().ifPresent(reference -> receipt.put("reference", reference));
        receipt.put("status", message.status().name());
        receipt.put("at", message.statusAt().toString());
        message.error().ifPresent(error -> receipt.put("error", error));
        return JsonMapper.shared().writeValueAsBytes(receipt);
    }

    private void postReceipt(SmsMessage message, byte[] body, String signature, int attempt) {
        URI callback = message.callbackUrl().orElseThrow();
        HttpRequest request = HttpRequest.newBuilder(callback)
                .timeout(Duration.ofSeconds(5))
                .header("Content-Type", "application/json")
                .header(ReceiptSignature.HEADER, signature)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                .build();
        http.sendAsync(request, HttpResponse.BodyHandlers.discarding()).whenComplete((response, failure) -> {
            Optional<String> problem = failure != null ? Optional.of(describe(failure))
                    : response.statusCode() / 100 != 2 ? Optional.of("HTTP " + response.statusCode()) : Optional.empty();
            if (problem.isEmpty()) {
                update(message.id(), m -> m.withReceipt(new Receipt(ReceiptState.POSTED, attempt, Optional.empty())));
                return;
            }
            if (attempt > settings.retryDelays().size()) {
                update(message.id(), m -> m.withReceipt(new Receipt(ReceiptState.GAVE_UP, attempt, problem)));
                log.warn("Gave up posting the delivery receipt of SMS {} to {} after {} attempts; the last failed with {}",
                        message.id(), callback, attempt, problem.get());
                return;
            }
            update(message.id(), m -> m.withReceipt(new Receipt(ReceiptState.PENDING, attempt, problem)));
            Duration wait = settings.retryDelays().get(attempt - 1);
            log.debug("The delivery receipt of SMS {} to {} failed ({}); trying again in {}", message.id(), callback, problem.get(), wait);
            later(wait, () -> postReceipt(message, body, signature, attempt + 1));
        });
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

    private Optional<SmsMessage> update(String id, UnaryOperator<SmsMessage> change) {
        synchronized (messages) {
            SmsMessage current = messages.get(id);
            if (current == null) {
                return Optional.empty();
            }
            SmsMessage changed = change.apply(current);
            messages.put(id, changed);
            return Optional.of(changed);
        }
    }

    private void later(Duration wait, Runnable task) {
        try {
            timer.schedule(() -> {
                try {
                    posting.execute(task);
                } catch (RejectedExecutionException stopping) {
                    // The application is stopping: receipts still due are dropped, as an SMS centre being shut down would.
                }
            }, wait.toMillis(), TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException stopping) {
            log.debug("The SMS centre is stopping; a delivery or receipt due in {} is dropped", wait);
        }
    }

    @Override
    public void close() {
        timer.shutdownNow();
        http.shutdownNow();
        posting.shutdownNow();
    }
}
