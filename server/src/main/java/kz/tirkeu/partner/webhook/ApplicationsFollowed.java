package kz.tirkeu.partner.webhook;

import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import kz.tirkeu.application.Action;
import kz.tirkeu.application.ApplicationActionAppended;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Which applications a partner may follow — those a person started or acted on through it — and, for each status
 * change of one, an event queued for each of the partner's webhooks. It runs inside the transaction that appends the
 * action-log entry (the application area publishes {@link ApplicationActionAppended} synchronously), so the event is
 * queued exactly when the status change commits: none is lost across a crash and none is sent for a change that rolled
 * back. Delivering is the {@link WebhookDispatcher}'s, later.
 */
@Component
class ApplicationsFollowed {

    static final String EVENT_TYPE = "application.status-changed";

    private final JdbcClient db;
    private final WebhookDeliveries deliveries;
    private final Clock clock;
    private final JsonMapper json = JsonMapper.builder().build();

    ApplicationsFollowed(JdbcClient db, WebhookDeliveries deliveries, Clock clock) {
        this.db = db;
        this.deliveries = deliveries;
        this.clock = clock;
    }

    @EventListener
    void on(ApplicationActionAppended entry) {
        entry.viaPartner().ifPresent(client -> db.sql("""
                        insert into partner_application (client_id, application_id, since) values (?, ?, ?) on conflict do nothing""")
                .params(client, entry.applicationId(), WebhookDeliveries.utc(entry.at())).update());
        if (!entry.changesStatus()) {
            return;
        }
        record Subscriber(UUID webhookId, String clientId) {}
        var subscribers = db.sql("""
                        select w.id, w.client_id from partner_application pa
                          join partner_webhook w on w.client_id = pa.client_id and w.ended_at is null
                          join partner_client c on c.client_id = pa.client_id and c.disabled_at is null
                         where pa.application_id = ?""")
                .param(entry.applicationId())
                .query((rs, n) -> new Subscriber(rs.getObject("id", UUID.class), rs.getString("client_id")))
                .list();
        Instant now = clock.instant();
        for (Subscriber subscriber : subscribers) {
            UUID eventId = UUID.randomUUID();
            deliveries.enqueue(eventId, subscriber.webhookId(), subscriber.clientId(), entry.applicationId(), entry.applicationNumber(),
                    payload(eventId, entry), Optional.empty(), now);
        }
    }

    /** The body of a delivery (docs/PARTNERS.md §6): the same bytes on every attempt and replay, so its signature is over them. */
    private String payload(UUID eventId, ApplicationActionAppended entry) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("eventId", eventId.toString());
        body.put("type", EVENT_TYPE);
        body.put("occurredAt", entry.at().toString());
        body.put("applicationNumber", entry.applicationNumber());
        body.put("seq", entry.seq());
        body.put("action", entry.kind().name());
        body.put("step", entry.step().map(Enum::name).orElse(null));
        body.put("previousStatus", entry.kind() == Action.Kind.STARTED ? null : entry.previousStatus().name());
        body.put("status", entry.status().name());
        return json.writeValueAsString(body);
    }
}
