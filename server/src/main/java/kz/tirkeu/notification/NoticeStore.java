package kz.tirkeu.notification;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import kz.tirkeu.pki.identity.Iin;

/** The notices table, in explicit SQL. */
@Repository
class NoticeStore {

    record StoredNotice(UUID id, Iin recipient, String template, String parametersJson, String subjectReference,
                        Instant createdAt, Instant readAt) {}

    private final JdbcClient jdbc;
    private final NotificationClock clock;

    NoticeStore(JdbcClient jdbc, NotificationClock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    void insert(UUID id, Iin recipient, String template, String parametersJson, String subjectReference, Instant now) {
        jdbc.sql("""
                INSERT INTO notices (id, recipient_iin, template, parameters, subject_reference, created_at)
                VALUES (:id, :iin, :template, CAST(:parameters AS jsonb), :subject, :now)
                """)
                .param("id", id)
                .param("iin", recipient.value())
                .param("template", template)
                .param("parameters", parametersJson)
                .param("subject", subjectReference)
                .param("now", clock.timestamp(now))
                .update();
    }

    StoredNotice find(UUID id) {
        return jdbc.sql(SELECT + " WHERE id = :id")
                .param("id", id)
                .query(NoticeStore::row)
                .single();
    }

    List<StoredNotice> page(Iin recipient, int limit, long offset) {
        return jdbc.sql(SELECT + " WHERE recipient_iin = :iin ORDER BY created_at DESC, id DESC LIMIT :limit OFFSET :offset")
                .param("iin", recipient.value())
                .param("limit", limit)
                .param("offset", offset)
                .query(NoticeStore::row)
                .list();
    }

    record Counts(long total, long unread) {}

    Counts counts(Iin recipient) {
        return jdbc.sql("""
                SELECT count(*) AS total, count(*) FILTER (WHERE read_at IS NULL) AS unread
                  FROM notices WHERE recipient_iin = :iin
                """)
                .param("iin", recipient.value())
                .query((row, n) -> new Counts(row.getLong("total"), row.getLong("unread")))
                .single();
    }

    /** Sets read_at if it is the recipient's notice and still unread; the time it was set, else empty. */
    Optional<Instant> markRead(UUID id, Iin recipient, Instant now) {
        return jdbc.sql("""
                UPDATE notices SET read_at = :now
                 WHERE id = :id AND recipient_iin = :iin AND read_at IS NULL
                RETURNING read_at
                """)
                .param("id", id)
                .param("iin", recipient.value())
                .param("now", clock.timestamp(now))
                .query((row, n) -> NotificationClock.instant(row, "read_at"))
                .optional();
    }

    /** The recipient's own notice, or empty: someone else's notice is as absent as a missing one. */
    Optional<StoredNotice> findOwn(UUID id, Iin recipient) {
        return jdbc.sql(SELECT + " WHERE id = :id AND recipient_iin = :iin")
                .param("id", id)
                .param("iin", recipient.value())
                .query(NoticeStore::row)
                .optional();
    }

    private static final String SELECT = """
            SELECT id, recipient_iin, template, parameters::text AS parameters, subject_reference, created_at, read_at
              FROM notices""";

    private static StoredNotice row(java.sql.ResultSet row, int n) throws java.sql.SQLException {
        return new StoredNotice(row.getObject("id", UUID.class), Iin.of(row.getString("recipient_iin")),
                row.getString("template"), row.getString("parameters"), row.getString("subject_reference"),
                NotificationClock.instant(row, "created_at"), NotificationClock.instant(row, "read_at"));
    }
}
