package kz.tirkeu.application;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import kz.tirkeu.platform.Backoff;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The police queue in PostgreSQL. One row per application, reopened for each new decision or review.
 * The automatic decision claims due, unassigned rows with FOR UPDATE SKIP LOCKED and a lease, so any
 * number of servers share the work; an officer's assignment is a conditional UPDATE, so of two officers
 * taking one case at once exactly one gets it.
 */
@Repository
class PoliceCases {

    private static final Duration LEASE = Duration.ofMinutes(2);
    private static final Backoff BACKOFF = new Backoff(Duration.ofSeconds(5), Duration.ofMinutes(5));

    private final JdbcClient db;
    private final Clock clock;

    PoliceCases(JdbcClient db, Clock clock) {
        this.db = db;
        this.clock = clock;
    }

    void open(UUID applicationId, PoliceCase.Kind kind, String region, Instant now, Instant due, Instant deadline) {
        db.sql("""
                        insert into police_case (application_id, kind, region, opened_at, due_at, deadline)
                        values (?, ?, ?, ?, ?, ?)
                        on conflict (application_id) do update set kind = excluded.kind, region = excluded.region, opened_at = excluded.opened_at,
                            due_at = excluded.due_at, deadline = excluded.deadline, attempts = 0, claimed_until = null,
                            officer_iin = null, assigned_at = null, closed_at = null""")
                .params(applicationId, kind.name(), region, Applications.utc(now), Applications.utc(due), deadline == null ? null : Applications.utc(deadline))
                .update();
    }

    /** Claims up to {@code limit} automatic decisions that are due and that no officer holds. */
    List<UUID> claimDueDecisions(int limit) {
        Instant now = clock.instant();
        return db.sql("""
                        update police_case set claimed_until = ?
                         where application_id in (select application_id from police_case
                                                   where kind = 'DECISION' and closed_at is null and officer_iin is null and due_at <= ?
                                                     and (claimed_until is null or claimed_until < ?)
                                                   order by due_at limit ? for update skip locked)
                        returning application_id""")
                .params(Applications.utc(now.plus(LEASE)), Applications.utc(now), Applications.utc(now), limit)
                .query(UUID.class).list();
    }

    /** A state system did not answer: the automatic decision is tried again later, with backoff, or at the system's Retry-After. */
    void retryLater(UUID applicationId, Optional<Duration> retryAfter, Instant now) {
        int attempts = db.sql("select attempts from police_case where application_id = ?").param(applicationId).query(Integer.class).single();
        Duration wait = BACKOFF.after(attempts, retryAfter);
        db.sql("update police_case set due_at = ?, attempts = attempts + 1, claimed_until = null where application_id = ?")
                .params(Applications.utc(now.plus(wait)), applicationId).update();
    }

    /** Lets the claim go without waiting for the lease (the case was not this server's to decide after all). */
    void unclaim(UUID applicationId) {
        db.sql("update police_case set claimed_until = null where application_id = ?").param(applicationId).update();
    }

    /** The officer takes the case, unless another officer holds it. True when the officer holds it now. */
    boolean assign(UUID applicationId, String officerIin, Instant now) {
        return db.sql("""
                        update police_case set officer_iin = ?, assigned_at = case when officer_iin = ? then assigned_at else ? end
                         where application_id = ? and closed_at is null and (officer_iin is null or officer_iin = ?)""")
                .params(officerIin, officerIin, Applications.utc(now), applicationId, officerIin).update() == 1;
    }

    /** The officer gives the case back (to the automatic decision, or to another officer). */
    boolean release(UUID applicationId, String officerIin, Instant now) {
        return db.sql("""
                        update police_case set officer_iin = null, assigned_at = null, due_at = ?, claimed_until = null
                         where application_id = ? and closed_at is null and officer_iin = ?""")
                .params(Applications.utc(now), applicationId, officerIin).update() == 1;
    }

    void close(UUID applicationId, Instant now) {
        db.sql("update police_case set closed_at = ?, claimed_until = null where application_id = ? and closed_at is null")
                .params(Applications.utc(now), applicationId).update();
    }

    Optional<PoliceCase> of(UUID applicationId) {
        return db.sql(SELECT + " where c.application_id = ?").param(applicationId).query(PoliceCases::row).optional();
    }

    /** The open cases an officer of these regions sees (and those tied to no region), oldest first. */
    List<PoliceCase> openIn(Collection<String> regions, Optional<PoliceCase.Kind> kind, int limit, int offset) {
        return db.sql(SELECT + " " + """
                         where c.closed_at is null and (c.region is null or c.region = any (?))
                           and (?::text is null or c.kind = ?)
                         order by coalesce(c.deadline, c.opened_at), c.opened_at limit ? offset ?""")
                .params(regions.toArray(String[]::new), kind.map(Enum::name).orElse(null), kind.map(Enum::name).orElse(null), limit, offset)
                .query(PoliceCases::row).list();
    }

    private static final String SELECT = """
            select a.number, a.status, a.vin, c.kind, c.region, c.opened_at, c.deadline, c.officer_iin, c.assigned_at, c.closed_at
              from police_case c join application a on a.id = c.application_id""";

    private static PoliceCase row(ResultSet rs, int n) throws SQLException {
        return new PoliceCase(rs.getString("number"), ApplicationStatus.valueOf(rs.getString("status")), PoliceCase.Kind.valueOf(rs.getString("kind")),
                Optional.ofNullable(rs.getString("region")), rs.getString("vin"), instant(rs, "opened_at").orElseThrow(), instant(rs, "deadline"),
                Optional.ofNullable(rs.getString("officer_iin")), instant(rs, "assigned_at"), instant(rs, "closed_at"));
    }

    private static Optional<Instant> instant(ResultSet rs, String column) throws SQLException {
        return Optional.ofNullable(rs.getObject(column, OffsetDateTime.class)).map(OffsetDateTime::toInstant);
    }
}
