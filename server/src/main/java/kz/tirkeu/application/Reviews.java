package kz.tirkeu.application;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The reviews of an application, in PostgreSQL; a partial unique index allows one open review at a time. */
@Repository
class Reviews {

    private final JdbcClient db;

    Reviews(JdbcClient db) {
        this.db = db;
    }

    UUID create(UUID applicationId, Action refusal, Phase phase, String requestedBy, Action.Actor requestedAs, String comment, Instant at, Instant deadline) {
        UUID id = UUID.randomUUID();
        db.sql("""
                        insert into application_review (id, application_id, refusal_code, refused_step, phase, requested_by, requested_as, comment,
                                                        requested_at, deadline)
                        values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(id, applicationId, DecisiveRefusal.codeOf(refusal), refusal.step().orElseThrow().name(), phase.name(), requestedBy,
                        requestedAs.name(), comment, Applications.utc(at), Applications.utc(deadline))
                .update();
        return id;
    }

    Optional<Review> open(UUID applicationId) {
        return db.sql("select * from application_review where application_id = ? and outcome is null").param(applicationId).query(Reviews::row).optional();
    }

    List<Review> of(UUID applicationId) {
        return db.sql("select * from application_review where application_id = ? order by requested_at").param(applicationId).query(Reviews::row).list();
    }

    /** Whether this refusal (code, and made at that moment) was already reviewed: a refusal is reviewed once. */
    boolean alreadyReviewed(UUID applicationId, String refusalCode, Instant refusedAt) {
        return db.sql("select exists (select 1 from application_review where application_id = ? and refusal_code = ? and requested_at >= ?)")
                .params(applicationId, refusalCode, Applications.utc(refusedAt)).query(Boolean.class).single();
    }

    /** Four eyes: the first officer's overturn, waiting for a second officer. */
    void proposeOverturn(UUID reviewId, String reason, String officerIin, Instant at) {
        db.sql("update application_review set overturn_proposed_by = ?, overturn_proposed_at = ?, overturn_proposed_reason = ? where id = ? and outcome is null")
                .params(officerIin, at.atOffset(java.time.ZoneOffset.UTC), reason, reviewId).update();
    }

    void decide(UUID reviewId, String outcome, String reason, String officerIin, Instant at) {
        db.sql("update application_review set outcome = ?, reason = ?, decided_by = ?, decided_at = ? where id = ? and outcome is null")
                .params(outcome, reason, officerIin, Applications.utc(at), reviewId).update();
    }

    /** The refusals officers overturned for this application: when their step runs again, they do not refuse. */
    Set<Refusal> waived(UUID applicationId) {
        return db.sql("select refusal_code from application_review where application_id = ? and outcome = 'OVERTURNED'").param(applicationId)
                .query(String.class).list().stream().map(Refusal::valueOf).collect(Collectors.toUnmodifiableSet());
    }

    private static Review row(ResultSet rs, int n) throws SQLException {
        return new Review(rs.getObject("id", UUID.class), rs.getString("refusal_code"), rs.getString("refused_step"), rs.getString("phase"),
                rs.getString("requested_by"), rs.getString("requested_as"), rs.getString("comment"),
                rs.getObject("requested_at", OffsetDateTime.class).toInstant(), rs.getObject("deadline", OffsetDateTime.class).toInstant(),
                Optional.ofNullable(rs.getString("outcome")), Optional.ofNullable(rs.getString("reason")), Optional.ofNullable(rs.getString("decided_by")),
                Optional.ofNullable(rs.getObject("decided_at", OffsetDateTime.class)).map(OffsetDateTime::toInstant),
                Optional.ofNullable(rs.getString("overturn_proposed_by")));
    }
}
