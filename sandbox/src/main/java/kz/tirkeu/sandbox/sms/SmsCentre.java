package kz.tirkeu.sandbox.sms;

import java.net.URI;
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
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.UnaryOperator;
import kz.tirkeu.sandbox.callback.SignedCallbacks;
import kz.tirkeu.sandbox.callback.SignedCallbacks.Callback;
import kz.tirkeu.sandbox.mobile.MobileNumber;
import kz.tirkeu.sandbox.sms.SmsMessage.Receipt;
import kz.tirkeu.sandbox.sms.SmsMessage.ReceiptState;
import kz.tirkeu.sandbox.sms.SmsMessage.Status;
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
    private final SignedCallbacks callbacks;
    /** By id, oldest first; the oldest leave once there are more than {@link Settings#retained()}. */
    private final Map<String, SmsMessage> messages = new LinkedHashMap<>();

    public SmsCentre(Settings settings, Clock clock) {
        this.settings = settings;
        this.clock = clock;
        this.callbacks = new SignedCallbacks("sms", settings.retryDelays());
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
        callbacks.later(Duration.ofMillis(delay), () -> deliver(message));
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
            Callback receipt = Callback.signed(delivered.callbackUrl().get(), ReceiptSignature.HEADER, receiptOf(delivered), settings.receiptSecret());
            callbacks.post(receipt, "the delivery receipt of SMS " + delivered.id(), delivery -> update(delivered.id(),
                    message -> message.withReceipt(new Receipt(ReceiptState.valueOf(delivery.state().name()), delivery.attempts(), delivery.lastError()))));
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

    @Override
    public void close() {
        callbacks.close();
    }
}
