package kz.tirkeu.notification;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.BooleanSupplier;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.support.TransactionTemplate;

import kz.tirkeu.pki.identity.Iin;

/**
 * The deliveries table and its append-only history, in explicit SQL. Every status change goes through
 * here and commits together with its history row (in the caller's transaction, if it has one). History details never contain the
 * address or the text, so that erasing a withdrawn e-mail address (Art. 29) leaves nothing behind there.
 */
@Repository
class Deliveries {

    enum Purpose { NOTICE, ONE_TIME_CODE }

    /** A delivery a dispatcher holds the lease on, with what it needs to send it. */
    record Claimed(UUID id, UUID noticeId, Iin recipient, Purpose purpose, Channel channel, String address,
                   int attempts, int deferrals, UUID heldBy, Instant heldUntil, UUID claim) {}

    /** A new delivery row; {@code claim} and {@code heldBy} only for a one-time code sent at once. */
    record NewDelivery(UUID id, UUID noticeId, Iin recipient, Purpose purpose, Channel channel, String address,
                       String content, DeliveryStatus status, Instant nextAttemptAt, UUID claim, Instant claimedUntil,
                       UUID heldBy, Instant heldUntil, String detail) {}

    private final JdbcClient jdbc;
    private final NotificationClock clock;
    private final TransactionTemplate transaction;

    Deliveries(JdbcClient jdbc, NotificationClock clock, NotificationTransactions transactions) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.transaction = transactions.template();
    }

    /** A status change and its history row commit together (joining the caller's transaction if there is one). */
    private boolean together(BooleanSupplier change) {
        return Boolean.TRUE.equals(transaction.execute(status -> change.getAsBoolean()));
    }

    void insert(NewDelivery delivery, Instant now) {
        together(() -> {
            jdbc.sql("""
                    INSERT INTO deliveries (id, notice_id, recipient_iin, purpose, channel, address, content, status,
                                            next_attempt_at, claimed_by, claimed_until, held_by, held_until,
                                            created_at, updated_at, delivered_at)
                    VALUES (:id, :notice, :iin, :purpose, :channel, :address, :content, :status,
                            :next, :claim, :claimedUntil, :heldBy, :heldUntil, :now, :now, :deliveredAt)
                    """)
                    .param("id", delivery.id())
                    .param("notice", delivery.noticeId())
                    .param("iin", delivery.recipient().value())
                    .param("purpose", delivery.purpose().name())
                    .param("channel", delivery.channel().name())
                    .param("address", delivery.address())
                    .param("content", delivery.content())
                    .param("status", delivery.status().name())
                    .param("next", clock.timestamp(delivery.nextAttemptAt()))
                    .param("claim", delivery.claim())
                    .param("claimedUntil", clock.timestamp(delivery.claimedUntil()))
                    .param("heldBy", delivery.heldBy())
                    .param("heldUntil", clock.timestamp(delivery.heldUntil()))
                    .param("now", clock.timestamp(now))
                    .param("deliveredAt", delivery.status() == DeliveryStatus.DELIVERED ? clock.timestamp(now) : null)
                    .update();
            appendHistory(delivery.id(), now, null, delivery.status(), 0, delivery.detail());
            return true;
        });
    }

    /**
     * Leases up to {@code limit} due deliveries to one dispatcher. {@code FOR UPDATE SKIP LOCKED} lets
     * dispatchers on several servers claim side by side without waiting on, or taking, each other's rows;
     * the lease (not a held lock) keeps a row theirs while they send, so no transaction stays open across
     * a call to the SMS centre. A row leased to a dispatcher that crashed comes back when the lease ends.
     */
    /** One-time codes sent to this number since a moment, whoever asked. */
    long codesSentTo(String phone, Instant since) {
        return jdbc.sql("select count(*) from deliveries where purpose = 'ONE_TIME_CODE' and address = ? and created_at >= ?")
                .params(phone, since.atOffset(java.time.ZoneOffset.UTC)).query(Long.class).single();
    }

    List<Claimed> claimDue(UUID claim, UUID node, Instant now, Instant leaseEnd, int limit) {
        return jdbc.sql("""
                UPDATE deliveries d
                   SET claimed_by = :claim, claimed_until = :leaseEnd
                 WHERE d.id IN (SELECT id FROM deliveries
                                 WHERE status = 'CREATED'
                                   AND next_attempt_at <= :now
                                   AND (claimed_until IS NULL OR claimed_until < :now)
                                   AND (held_by IS NULL OR held_by = :node OR held_until < :now)
                                 ORDER BY next_attempt_at
                                 LIMIT :limit
                                 FOR UPDATE SKIP LOCKED)
                RETURNING d.id, d.notice_id, d.recipient_iin, d.purpose, d.channel, d.address, d.attempts,
                          d.deferrals, d.held_by, d.held_until
                """)
                .param("claim", claim)
                .param("node", node)
                .param("now", clock.timestamp(now))
                .param("leaseEnd", clock.timestamp(leaseEnd))
                .param("limit", limit)
                .query((row, n) -> new Claimed(
                        row.getObject("id", UUID.class),
                        row.getObject("notice_id", UUID.class),
                        Iin.of(row.getString("recipient_iin")),
                        Purpose.valueOf(row.getString("purpose")),
                        Channel.valueOf(row.getString("channel")),
                        row.getString("address"),
                        row.getInt("attempts"),
                        row.getInt("deferrals"),
                        row.getObject("held_by", UUID.class),
                        NotificationClock.instant(row, "held_until"),
                        claim))
                .list();
    }

    /**
     * Handed over to the provider; a null address or content keeps the stored one (a one-time code's row
     * keeps its redacted text). False if the lease was lost meanwhile (the row is someone else's now).
     */
    boolean markSent(Claimed delivery, String address, String content, String providerMessageId, Instant now, String detail) {
        return together(() -> {
            int updated = jdbc.sql("""
                    UPDATE deliveries
                       SET status = 'SENT', attempts = attempts + 1, address = coalesce(:address, address),
                           content = coalesce(:content, content),
                           provider_message_id = :providerId, sent_at = :now, updated_at = :now, last_error = NULL,
                           next_attempt_at = NULL, claimed_by = NULL, claimed_until = NULL, held_by = NULL, held_until = NULL
                     WHERE id = :id AND claimed_by = :claim AND status = 'CREATED'
                    """)
                    .param("id", delivery.id())
                    .param("claim", delivery.claim())
                    .param("address", address)
                    .param("content", content)
                    .param("providerId", providerMessageId)
                    .param("now", clock.timestamp(now))
                    .update();
            if (updated == 1) {
                appendHistory(delivery.id(), now, DeliveryStatus.CREATED, DeliveryStatus.SENT, delivery.attempts() + 1, detail);
            }
            return updated == 1;
        });
    }

    /**
     * Try again at {@code next}. {@code countsAsAttempt}: the provider was tried and failed; otherwise
     * the delivery was deferred for a reason that is not the channel's (МБГ unavailable, breaker open).
     */
    boolean scheduleRetry(Claimed delivery, boolean countsAsAttempt, String address, String reason, Instant next, Instant now) {
        return together(() -> {
            int updated = jdbc.sql("""
                    UPDATE deliveries
                       SET attempts = attempts + :attempt, deferrals = deferrals + :deferral, address = coalesce(:address, address),
                           last_error = :reason, next_attempt_at = :next, updated_at = :now,
                           claimed_by = NULL, claimed_until = NULL
                     WHERE id = :id AND claimed_by = :claim AND status = 'CREATED'
                    """)
                    .param("id", delivery.id())
                    .param("claim", delivery.claim())
                    .param("attempt", countsAsAttempt ? 1 : 0)
                    .param("deferral", countsAsAttempt ? 0 : 1)
                    .param("address", address)
                    .param("reason", reason)
                    .param("next", clock.timestamp(next))
                    .param("now", clock.timestamp(now))
                    .update();
            if (updated == 1) {
                int attempt = delivery.attempts() + (countsAsAttempt ? 1 : 0);
                appendHistory(delivery.id(), now, DeliveryStatus.CREATED, DeliveryStatus.CREATED, attempt,
                        (countsAsAttempt ? "attempt " + attempt + " failed: " : "deferred: ") + reason + "; next try at " + next);
            }
            return updated == 1;
        });
    }

    /** Given up. {@code countsAsAttempt}: this very try failed (rather than there being nothing to try). */
    boolean markFailed(Claimed delivery, boolean countsAsAttempt, String address, String reason, Instant now) {
        return together(() -> {
            int updated = jdbc.sql("""
                    UPDATE deliveries
                       SET status = 'FAILED', attempts = attempts + :attempt, address = coalesce(:address, address),
                           last_error = :reason, failed_at = :now, updated_at = :now, next_attempt_at = NULL,
                           claimed_by = NULL, claimed_until = NULL, held_by = NULL, held_until = NULL
                     WHERE id = :id AND claimed_by = :claim AND status = 'CREATED'
                    """)
                    .param("id", delivery.id())
                    .param("claim", delivery.claim())
                    .param("attempt", countsAsAttempt ? 1 : 0)
                    .param("address", address)
                    .param("reason", reason)
                    .param("now", clock.timestamp(now))
                    .update();
            if (updated == 1) {
                appendHistory(delivery.id(), now, DeliveryStatus.CREATED, DeliveryStatus.FAILED,
                        delivery.attempts() + (countsAsAttempt ? 1 : 0), reason);
            }
            return updated == 1;
        });
    }

    /** The state a receipt is applied to, read under a row lock. */
    record Current(UUID id, DeliveryStatus status, String providerMessageId, int attempts, Purpose purpose) {}

    Optional<Current> lockSms(UUID id) {
        return jdbc.sql("""
                SELECT id, status, provider_message_id, attempts, purpose FROM deliveries
                 WHERE id = :id AND channel = 'SMS' FOR UPDATE
                """)
                .param("id", id)
                .query((row, n) -> new Current(row.getObject("id", UUID.class), DeliveryStatus.valueOf(row.getString("status")),
                        row.getString("provider_message_id"), row.getInt("attempts"), Purpose.valueOf(row.getString("purpose"))))
                .optional();
    }

    /** The SMS centre's receipt shows it accepted a message we had not yet recorded as sent. */
    void markSentByReceipt(Current delivery, String providerMessageId, Instant now) {
        jdbc.sql("""
                UPDATE deliveries
                   SET status = 'SENT', provider_message_id = coalesce(:providerId, provider_message_id),
                       sent_at = :now, updated_at = :now, next_attempt_at = NULL, last_error = NULL,
                       claimed_by = NULL, claimed_until = NULL, held_by = NULL, held_until = NULL
                 WHERE id = :id
                """)
                .param("id", delivery.id())
                .param("providerId", providerMessageId)
                .param("now", clock.timestamp(now))
                .update();
        appendHistory(delivery.id(), now, DeliveryStatus.CREATED, DeliveryStatus.SENT, delivery.attempts(),
                "accepted by the SMS centre (learned from its delivery receipt)");
    }

    void markDeliveredByReceipt(Current delivery, Instant deliveredAt, Instant now, String detail) {
        jdbc.sql("UPDATE deliveries SET status = 'DELIVERED', delivered_at = :at, updated_at = :now WHERE id = :id")
                .param("id", delivery.id())
                .param("at", clock.timestamp(deliveredAt))
                .param("now", clock.timestamp(now))
                .update();
        appendHistory(delivery.id(), now, DeliveryStatus.SENT, DeliveryStatus.DELIVERED, delivery.attempts(), detail);
    }

    void markFailedByReceipt(Current delivery, String error, Instant now, String detail) {
        jdbc.sql("""
                UPDATE deliveries SET status = 'FAILED', failed_at = :now, updated_at = :now, last_error = :error
                 WHERE id = :id
                """)
                .param("id", delivery.id())
                .param("error", error)
                .param("now", clock.timestamp(now))
                .update();
        appendHistory(delivery.id(), now, DeliveryStatus.SENT, DeliveryStatus.FAILED, delivery.attempts(), detail);
    }

    /** The person opened the notice in the cabinet: recorded on its inbox delivery too. */
    void recordRead(UUID noticeId, Instant now) {
        jdbc.sql("""
                INSERT INTO delivery_history (delivery_id, at, from_status, to_status, attempt, detail)
                SELECT id, :now, status, status, attempts, 'read by the person in the cabinet'
                  FROM deliveries WHERE notice_id = :notice AND channel = 'INBOX'
                """)
                .param("notice", noticeId)
                .param("now", clock.timestamp(now))
                .update();
    }

    /**
     * Erases a withdrawn e-mail address from every delivery of the person and fails those not yet sent.
     *
     * @return how many deliveries held the address
     */
    int failPendingAndEraseEmail(Iin person, Instant now) {
        jdbc.sql("""
                INSERT INTO delivery_history (delivery_id, at, from_status, to_status, attempt, detail)
                SELECT id, :now, 'CREATED', 'FAILED', attempts, 'the person withdrew the e-mail address before it was sent'
                  FROM deliveries
                 WHERE recipient_iin = :iin AND channel = 'EMAIL' AND status = 'CREATED'
                """)
                .param("iin", person.value())
                .param("now", clock.timestamp(now))
                .update();
        jdbc.sql("""
                UPDATE deliveries
                   SET status = 'FAILED', failed_at = :now, updated_at = :now, next_attempt_at = NULL,
                       last_error = 'the person withdrew the e-mail address', claimed_by = NULL, claimed_until = NULL
                 WHERE recipient_iin = :iin AND channel = 'EMAIL' AND status = 'CREATED'
                """)
                .param("iin", person.value())
                .param("now", clock.timestamp(now))
                .update();
        return jdbc.sql("""
                UPDATE deliveries SET address = NULL, content = NULL, updated_at = :now
                 WHERE recipient_iin = :iin AND channel = 'EMAIL' AND address IS NOT NULL
                """)
                .param("iin", person.value())
                .param("now", clock.timestamp(now))
                .update();
    }

    void appendHistory(UUID delivery, Instant at, DeliveryStatus from, DeliveryStatus to, int attempt, String detail) {
        jdbc.sql("""
                INSERT INTO delivery_history (delivery_id, at, from_status, to_status, attempt, detail)
                VALUES (:delivery, :at, :from, :to, :attempt, :detail)
                """)
                .param("delivery", delivery)
                .param("at", clock.timestamp(at))
                .param("from", from == null ? null : from.name())
                .param("to", to.name())
                .param("attempt", attempt)
                .param("detail", detail)
                .update();
    }
}
