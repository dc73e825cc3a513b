package kz.tirkeu.notification;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

import kz.tirkeu.pki.identity.Iin;

/**
 * What became of one delivery, and its full history: for the sign-in page ("code sent", "SMS centre
 * unavailable, retrying") and for support. The caller checks that the recipient is the person asking.
 */
@Service
public class DeliveryTracking {

    /** @param lastError why the last try failed or was deferred; empty once sent */
    public record Delivery(DeliveryId id, Optional<NoticeId> notice, Iin recipient, Channel channel, DeliveryStatus status,
                           int attempts, Optional<Instant> nextAttemptAt, Optional<String> lastError, Instant updatedAt) {}

    /** One step of the delivery's history; {@code from} is empty for its creation. */
    public record Event(Instant at, Optional<DeliveryStatus> from, DeliveryStatus to, int attempt, String detail) {}

    private final JdbcClient jdbc;

    DeliveryTracking(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<Delivery> find(DeliveryId id) {
        return jdbc.sql("""
                SELECT id, notice_id, recipient_iin, channel, status, attempts, next_attempt_at, last_error, updated_at
                  FROM deliveries WHERE id = :id
                """)
                .param("id", id.value())
                .query((row, n) -> new Delivery(new DeliveryId(row.getObject("id", UUID.class)),
                        Optional.ofNullable(row.getObject("notice_id", UUID.class)).map(NoticeId::new),
                        Iin.of(row.getString("recipient_iin")),
                        Channel.valueOf(row.getString("channel")),
                        DeliveryStatus.valueOf(row.getString("status")),
                        row.getInt("attempts"),
                        Optional.ofNullable(NotificationClock.instant(row, "next_attempt_at")),
                        Optional.ofNullable(row.getString("last_error")),
                        NotificationClock.instant(row, "updated_at")))
                .optional();
    }

    /** The deliveries of a notice, one per channel. */
    public List<Delivery> ofNotice(NoticeId notice) {
        return jdbc.sql("SELECT id FROM deliveries WHERE notice_id = :notice ORDER BY channel")
                .param("notice", notice.value())
                .query(UUID.class)
                .list()
                .stream()
                .map(id -> find(new DeliveryId(id)).orElseThrow())
                .toList();
    }

    /** Every transition and failed try, oldest first. */
    public List<Event> history(DeliveryId id) {
        return jdbc.sql("SELECT at, from_status, to_status, attempt, detail FROM delivery_history WHERE delivery_id = :id ORDER BY id")
                .param("id", id.value())
                .query((row, n) -> new Event(NotificationClock.instant(row, "at"),
                        Optional.ofNullable(row.getString("from_status")).map(DeliveryStatus::valueOf),
                        DeliveryStatus.valueOf(row.getString("to_status")),
                        row.getInt("attempt"),
                        row.getString("detail")))
                .list();
    }
}
