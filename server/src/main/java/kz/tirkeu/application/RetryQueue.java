package kz.tirkeu.application;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import kz.tirkeu.platform.Backoff;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Applications waiting for a state system, and when to ask again: exponential backoff with jitter
 * (5 s, 10 s, … at most 5 minutes), or the system's own Retry-After when later. Durable in
 * PostgreSQL and claimed with FOR UPDATE SKIP LOCKED, so any number of servers share the work and a
 * restart loses none of it.
 */
@Repository
class RetryQueue {

    private static final Backoff BACKOFF = new Backoff(Duration.ofSeconds(5), Duration.ofMinutes(5));
    private static final Duration LEASE = Duration.ofMinutes(2);

    private final JdbcClient db;
    private final Clock clock;

    RetryQueue(JdbcClient db, Clock clock) {
        this.db = db;
        this.clock = clock;
    }

    /** Schedules (or reschedules) the next attempt; true when the application just started waiting. */
    boolean schedule(UUID id, Phase phase, Optional<Duration> retryAfter, Instant now) {
        Integer attempts = db.sql("select attempts from application_retry where application_id = ?").param(id).query(Integer.class).optional().orElse(0);
        Duration wait = BACKOFF.after(attempts, retryAfter);
        db.sql("""
                        insert into application_retry (application_id, phase, due_at, attempts) values (?, ?, ?, 1)
                        on conflict (application_id) do update set phase = excluded.phase, due_at = excluded.due_at,
                            attempts = application_retry.attempts + 1, claimed_until = null""")
                .params(id, phase.name(), Applications.utc(now.plus(wait)))
                .update();
        return attempts == 0;
    }

    void clear(UUID id) {
        db.sql("delete from application_retry where application_id = ?").param(id).update();
    }

    /** Claims up to {@code limit} due retries for this server for a while. */
    List<Due> claimDue(int limit) {
        Instant now = clock.instant();
        return db.sql("""
                        update application_retry set claimed_until = ?
                         where application_id in (select application_id from application_retry
                                                   where due_at <= ? and (claimed_until is null or claimed_until < ?)
                                                   order by due_at limit ? for update skip locked)
                        returning application_id, phase""")
                .params(Applications.utc(now.plus(LEASE)), Applications.utc(now), Applications.utc(now), limit)
                .query((rs, n) -> new Due(rs.getObject(1, UUID.class), Phase.valueOf(rs.getString(2))))
                .list();
    }

    record Due(UUID applicationId, Phase phase) {}
}
