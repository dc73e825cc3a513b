package kz.tirkeu.partner.webhook;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicReference;
import kz.tirkeu.notification.OutboundBreaker;
import kz.tirkeu.notification.RetryPolicy;
import kz.tirkeu.notification.SendOutcome;
import kz.tirkeu.partner.PartnerProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * Sends due webhook deliveries, as the notification point's dispatcher sends SMS: claims a batch under a lease, posts
 * each in parallel on virtual threads, and records the outcome — delivered (any 2xx), a retry with the notification
 * point's backoff ({@link RetryPolicy}), or, after the last attempt, given up (and the application's next event goes
 * out). Each partner has its own circuit breaker ({@link OutboundBreaker}): a partner whose receiver is down is held back
 * without using up attempts, and does not slow the others. At least once: a partner that answered 2xx too late for us
 * to record it gets the event again, with the same event id.
 */
@Service
public class WebhookDispatcher {

    private static final Logger log = LoggerFactory.getLogger(WebhookDispatcher.class);

    private final WebhookDeliveries deliveries;
    private final PartnerProperties.Webhooks settings;
    private final RetryPolicy retry;
    private final Clock clock;
    private final HttpClient http;
    private final Map<String, OutboundBreaker> breakers = new ConcurrentHashMap<>();

    WebhookDispatcher(WebhookDeliveries deliveries, PartnerProperties properties, Clock clock) {
        this.deliveries = deliveries;
        this.settings = properties.webhooks();
        this.retry = new RetryPolicy(settings.retry());
        this.clock = clock;
        // Never follow a redirect: a delivery goes only to the address the partner subscribed, under its registered prefix.
        this.http = HttpClient.newBuilder().connectTimeout(settings.connectTimeout()).followRedirects(HttpClient.Redirect.NEVER).build();
    }

    /** Sends one batch of due deliveries; returns how many were claimed. */
    public int dispatchDue() {
        Instant now = clock.instant();
        List<WebhookDeliveries.Claimed> claimed = deliveries.claimDue(UUID.randomUUID(), now, now.plus(settings.dispatcher().lease()),
                settings.dispatcher().batchSize());
        try (ExecutorService parallel = Executors.newVirtualThreadPerTaskExecutor()) {
            claimed.forEach(delivery -> parallel.submit(() -> dispatchSafely(delivery)));
        }
        return claimed.size();
    }

    private void dispatchSafely(WebhookDeliveries.Claimed delivery) {
        try {
            dispatch(delivery);
        } catch (RuntimeException e) {
            log.error("Webhook delivery {} could not be dispatched", delivery.id(), e);
        }
    }

    private void dispatch(WebhookDeliveries.Claimed delivery) {
        AtomicReference<Integer> httpStatus = new AtomicReference<>();
        OutboundBreaker breaker = breakers.computeIfAbsent(delivery.clientId(),
                client -> new OutboundBreaker("the webhook receiver of " + client, settings.circuitBreaker()));
        SendOutcome outcome = breaker.call(() -> post(delivery, httpStatus));
        Instant now = clock.instant();
        boolean recorded = switch (outcome) {
            case SendOutcome.Accepted accepted -> deliveries.markDelivered(delivery, httpStatus.get(), now);
            case SendOutcome.HeldBack heldBack -> deliveries.defer(delivery, heldBack.reason(), now.plus(retry.delayAfter(delivery.deferrals() + 1)));
            case SendOutcome.Rejected rejected -> retryOrGiveUp(delivery, httpStatus.get(), rejected.reason(), now);
            case SendOutcome.Unavailable unavailable -> retryOrGiveUp(delivery, httpStatus.get(), unavailable.reason(), now);
        };
        if (!recorded) {
            log.warn("Webhook delivery {} changed while it was being sent (lease lost or webhook ended); its outcome was not recorded", delivery.id());
        }
    }

    private boolean retryOrGiveUp(WebhookDeliveries.Claimed delivery, Integer httpStatus, String reason, Instant now) {
        int attempts = delivery.attempts() + 1;
        if (retry.exhausted(attempts)) {
            return deliveries.markFailed(delivery, httpStatus, "gave up after " + attempts + " attempts; last: " + reason, now);
        }
        return deliveries.scheduleRetry(delivery, httpStatus, reason, now.plus(retry.delayAfter(attempts)), now);
    }

    private SendOutcome post(WebhookDeliveries.Claimed delivery, AtomicReference<Integer> httpStatus) {
        long timestamp = clock.instant().getEpochSecond();
        HttpRequest request = HttpRequest.newBuilder(URI.create(delivery.url()))
                .timeout(settings.readTimeout())
                .header("Content-Type", "application/json")
                .header("User-Agent", "Tirkeu-Webhooks/1")
                .header(WebhookSignature.HEADER, WebhookSignature.header(delivery.secret(), timestamp, delivery.payload()))
                .header("Tirkeu-Event-Id", delivery.eventId().toString())
                .header("Tirkeu-Delivery-Id", delivery.id().toString())
                .header("Tirkeu-Delivery-Attempt", Integer.toString(delivery.attempts() + 1))
                .POST(HttpRequest.BodyPublishers.ofString(delivery.payload(), StandardCharsets.UTF_8))
                .build();
        try {
            HttpResponse<Void> response = http.send(request, HttpResponse.BodyHandlers.discarding());
            httpStatus.set(response.statusCode());
            return response.statusCode() / 100 == 2 ? new SendOutcome.Accepted(null)
                    : new SendOutcome.Unavailable("the receiver answered HTTP " + response.statusCode());
        } catch (java.io.IOException e) {
            return new SendOutcome.Unavailable("the receiver could not be reached: " + e.getClass().getSimpleName());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new SendOutcome.Unavailable("interrupted");
        }
    }
}
