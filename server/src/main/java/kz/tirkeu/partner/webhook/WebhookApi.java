package kz.tirkeu.partner.webhook;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import kz.tirkeu.identity.web.PublicEndpoint;
import kz.tirkeu.partner.client.PartnerCaller;
import kz.tirkeu.platform.web.ProblemException;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** A partner system's webhooks: subscribe, list, end; its delivery log; the replay of an event. */
@RestController
@RequestMapping(path = "/api/v1/partner/webhooks", produces = MediaType.APPLICATION_JSON_VALUE)
@PublicEndpoint // for partner systems only: the PartnerCaller parameter requires the partner's access token
class WebhookApi {

    private final WebhookSubscriptions subscriptions;
    private final WebhookDeliveries deliveries;
    private final Clock clock;

    WebhookApi(WebhookSubscriptions subscriptions, WebhookDeliveries deliveries, Clock clock) {
        this.subscriptions = subscriptions;
        this.deliveries = deliveries;
        this.clock = clock;
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    Subscribed subscribe(PartnerCaller partner, @RequestBody Subscription body) {
        WebhookSubscriptions.Created created = subscriptions.subscribe(partner, body.url());
        return new Subscribed(created.webhook().id(), created.webhook().url(), created.secret(), WebhookSignature.HEADER, created.webhook().createdAt());
    }

    @GetMapping
    List<WebhookSubscriptions.Webhook> list(PartnerCaller partner) {
        return subscriptions.live(partner.clientId());
    }

    @DeleteMapping("/{webhookId}")
    ResponseEntity<Void> end(PartnerCaller partner, @PathVariable UUID webhookId) {
        subscriptions.end(partner, webhookId);
        return ResponseEntity.noContent().build();
    }

    @GetMapping("/deliveries")
    List<WebhookDeliveries.Logged> deliveries(PartnerCaller partner, @RequestParam Optional<String> applicationNumber,
                                              @RequestParam Optional<Integer> limit) {
        return deliveries.log(partner.clientId(), applicationNumber.filter(n -> !n.isBlank()), Math.clamp(limit.orElse(100), 1, 1000));
    }

    /** Sends the event once more, after whatever is still pending for its application; same event id, same body. */
    @PostMapping("/events/{eventId}/replay")
    @ResponseStatus(HttpStatus.ACCEPTED)
    Replay replay(PartnerCaller partner, @PathVariable UUID eventId) {
        WebhookDeliveries.Original original = deliveries.latestOf(partner.clientId(), eventId).orElseThrow(() -> new ProblemException(
                "WEBHOOK_EVENT_UNKNOWN", HttpStatus.NOT_FOUND, "Your system was sent no event " + eventId + ".", String.valueOf(eventId)));
        if (subscriptions.live(partner.clientId()).stream().noneMatch(w -> w.id().equals(original.webhookId()))) {
            throw new ProblemException("WEBHOOK_ENDED", HttpStatus.CONFLICT, "The webhook this event went to has been ended; subscribe again "
                    + "and replay events of the applications you follow from their new status changes.");
        }
        Instant now = clock.instant();
        deliveries.enqueue(original.eventId(), original.webhookId(), partner.clientId(), original.applicationId(), original.applicationNumber(),
                original.payload(), Optional.of(original.id()), now);
        return new Replay(eventId, original.applicationNumber(), now);
    }

    record Subscription(String url) {}

    /** @param secret the HMAC key of the deliveries' signature: shown this once only */
    record Subscribed(UUID webhookId, String url, String secret, String signatureHeader, Instant createdAt) {}

    record Replay(UUID eventId, String applicationNumber, Instant queuedAt) {}
}
