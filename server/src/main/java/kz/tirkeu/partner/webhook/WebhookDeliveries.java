package kz.tirkeu.partner.webhook;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The queue of webhook deliveries and their attempts, in explicit SQL, in the notification point's pattern
 * (notification's Deliveries): rows claimed under a lease with {@code FOR UPDATE SKIP LOCKED}, so dispatchers on several
 * servers work side by side and no transaction stays open across a call to a partner; a lease of a dispatcher that
 * died runs out and the row comes back. Unlike notices, deliveries are ordered: a delivery is claimed only when no
 * earlier one for the same application and webhook is still pending.
 */
@Repository
class WebhookDeliveries {

    enum Status { PENDING, DELIVERED, FAILED }

    /** A delivery a dispatcher holds the lease on. */
    record Claimed(UUID id, UUID eventId, UUID webhookId, String clientId, String url, String secret, String payload, int attempts,
                   int deferrals, UUID claim) {}

    record Attempt(int attempt, Instant at, Optional<Integer> httpStatus, String outcome, Optional<String> detail) {}

    record Logged(UUID deliveryId, UUID eventId, UUID webhookId, String applicationNumber, Status status, Optional<UUID> replayOf,
                  Instant createdAt, Optional<Instant> deliveredAt, Optional<Instant> failedAt, Optional<Instant> nextAttemptAt,
                  Optional<String> lastError, List<Attempt> attempts) {}

    private final JdbcClient db;
    private final TransactionTemplate transaction;

    WebhookDeliveries(JdbcClient db, TransactionTemplate transaction) {
        this.db = db;
        this.transaction = transaction;
    }

    void enqueue(UUID eventId, UUID webhookId, String clientId, UUID applicationId, String applicationNumber, String payload,
                 Optional<UUID> replayOf, Instant now) {
        db.sql("""
                        insert into partner_webhook_delivery (id, event_id, webhook_id, client_id, application_id, application_number, payload,
                                                              status, replay_of, next_attempt_at, created_at)
                        values (?, ?, ?, ?, ?, ?, ?, 'PENDING', ?, ?, ?)""")
                .params(UUID.randomUUID(), eventId, webhookId, clientId, applicationId, applicationNumber, payload, replayOf.orElse(null),
                        utc(now), utc(now))
                .update();
    }

    List<Claimed> claimDue(UUID claim, Instant now, Instant leaseEnd, int limit) {
        return db.sql("""
                        update partner_webhook_delivery d set claimed_by = :claim, claimed_until = :leaseEnd
                          from partner_webhook w
                         where w.id = d.webhook_id
                           and d.id in (select q.id from partner_webhook_delivery q
                                         where q.status = 'PENDING' and q.next_attempt_at <= :now
                                           and (q.claimed_until is null or q.claimed_until < :now)
                                           and not exists (select 1 from partner_webhook_delivery e
                                                            where e.webhook_id = q.webhook_id and e.application_id = q.application_id
                                                              and e.status = 'PENDING' and e.position < q.position)
                                         order by q.next_attempt_at, q.position
                                         limit :limit
                                         for update skip locked)
                        returning d.id, d.event_id, d.webhook_id, d.client_id, w.url, w.secret, d.payload, d.attempts, d.deferrals""")
                .param("claim", claim).param("leaseEnd", utc(leaseEnd)).param("now", utc(now)).param("limit", limit)
                .query((rs, n) -> new Claimed(rs.getObject("id", UUID.class), rs.getObject("event_id", UUID.class), rs.getObject("webhook_id", UUID.class),
                        rs.getString("client_id"), rs.getString("url"), rs.getString("secret"), rs.getString("payload"), rs.getInt("attempts"),
                        rs.getInt("deferrals"), claim))
                .list();
    }

    /** The partner answered 2xx. False if the lease was lost meanwhile. */
    boolean markDelivered(Claimed delivery, int httpStatus, Instant now) {
        return finish(delivery, "status = 'DELIVERED', delivered_at = :now, last_error = null, next_attempt_at = null",
                now, httpStatus, "DELIVERED", null, null);
    }

    boolean markFailed(Claimed delivery, Integer httpStatus, String reason, Instant now) {
        return finish(delivery, "status = 'FAILED', failed_at = :now, last_error = :reason, next_attempt_at = null",
                now, httpStatus, "GAVE_UP", reason, null);
    }

    boolean scheduleRetry(Claimed delivery, Integer httpStatus, String reason, Instant next, Instant now) {
        return finish(delivery, "last_error = :reason, next_attempt_at = :next", now, httpStatus, "FAILED", reason, next);
    }

    /** Not tried (the partner's breaker is open): no attempt used, tried again later. */
    boolean defer(Claimed delivery, String reason, Instant next) {
        return db.sql("""
                        update partner_webhook_delivery set deferrals = deferrals + 1, last_error = ?, next_attempt_at = ?, claimed_by = null,
                               claimed_until = null where id = ? and claimed_by = ? and status = 'PENDING'""")
                .params(reason, utc(next), delivery.id(), delivery.claim()).update() == 1;
    }

    private boolean finish(Claimed delivery, String set, Instant now, Integer httpStatus, String outcome, String reason, Instant next) {
        return Boolean.TRUE.equals(transaction.execute(status -> {
            int updated = db.sql("update partner_webhook_delivery set " + set + ", attempts = attempts + 1, claimed_by = null, claimed_until = null"
                            + " where id = :id and claimed_by = :claim and status = 'PENDING'")
                    .param("id", delivery.id()).param("claim", delivery.claim()).param("now", utc(now))
                    .param("reason", reason).param("next", next == null ? null : utc(next))
                    .update();
            if (updated == 1) {
                db.sql("insert into partner_webhook_attempt (delivery_id, attempt, at, http_status, outcome, detail) values (?, ?, ?, ?, ?, ?)")
                        .params(delivery.id(), delivery.attempts() + 1, utc(now), httpStatus, outcome, reason).update();
            }
            return updated == 1;
        }));
    }

    /** The newest delivery of an event to this partner: what a replay copies. */
    record Original(UUID id, UUID eventId, UUID webhookId, UUID applicationId, String applicationNumber, String payload) {}

    Optional<Original> latestOf(String clientId, UUID eventId) {
        return db.sql("""
                        select id, event_id, webhook_id, application_id, application_number, payload from partner_webhook_delivery
                         where client_id = ? and event_id = ? order by position desc limit 1""")
                .params(clientId, eventId)
                .query((rs, n) -> new Original(rs.getObject("id", UUID.class), rs.getObject("event_id", UUID.class),
                        rs.getObject("webhook_id", UUID.class), rs.getObject("application_id", UUID.class), rs.getString("application_number"),
                        rs.getString("payload")))
                .optional();
    }

    /** The partner's delivery log, newest first, each delivery with its attempts. */
    List<Logged> log(String clientId, Optional<String> applicationNumber, int limit) {
        Map<UUID, Logged> deliveries = new LinkedHashMap<>();
        db.sql("""
                        select * from partner_webhook_delivery where client_id = ? and (cast(? as text) is null or application_number = ?)
                         order by position desc limit ?""")
                .params(clientId, applicationNumber.orElse(null), applicationNumber.orElse(null), limit)
                .query((rs, n) -> logged(rs))
                .list()
                .forEach(d -> deliveries.put(d.deliveryId(), d));
        if (!deliveries.isEmpty()) {
            db.sql("select * from partner_webhook_attempt where delivery_id = any (?) order by delivery_id, attempt")
                    .param(deliveries.keySet().toArray(UUID[]::new))
                    .query((rs, n) -> Map.entry(rs.getObject("delivery_id", UUID.class), new Attempt(rs.getInt("attempt"), instant(rs, "at").orElseThrow(),
                            Optional.ofNullable((Integer) rs.getObject("http_status")), rs.getString("outcome"), Optional.ofNullable(rs.getString("detail")))))
                    .list()
                    .forEach(entry -> deliveries.get(entry.getKey()).attempts().add(entry.getValue()));
        }
        return List.copyOf(deliveries.values());
    }

    private static Logged logged(ResultSet rs) throws SQLException {
        return new Logged(rs.getObject("id", UUID.class), rs.getObject("event_id", UUID.class), rs.getObject("webhook_id", UUID.class),
                rs.getString("application_number"), Status.valueOf(rs.getString("status")), Optional.ofNullable(rs.getObject("replay_of", UUID.class)),
                instant(rs, "created_at").orElseThrow(), instant(rs, "delivered_at"), instant(rs, "failed_at"), instant(rs, "next_attempt_at"),
                Optional.ofNullable(rs.getString("last_error")), new ArrayList<>());
    }

    private static Optional<Instant> instant(ResultSet rs, String column) throws SQLException {
        return Optional.ofNullable(rs.getObject(column, OffsetDateTime.class)).map(OffsetDateTime::toInstant);
    }

    static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}
