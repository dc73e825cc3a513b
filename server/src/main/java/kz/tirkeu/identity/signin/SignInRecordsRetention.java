package kz.tirkeu.identity.signin;

import java.time.Instant;
import java.time.ZoneOffset;
import kz.tirkeu.platform.retention.RetentionPeriods;
import kz.tirkeu.platform.retention.ShortLivedRecords;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * What sign-in keeps only for a while: challenges nobody signed (anyone can ask for one), sign-ins that never became a
 * session, ended sessions with their sign-in and challenge, and second-factor lock counters. At most {@value #BATCH}
 * rows of each kind per round, so a backlog never becomes one long transaction.
 */
@Component
class SignInRecordsRetention implements ShortLivedRecords {

    private static final int BATCH = 10_000;
    /** When a session stopped working: signed out, past its lifetime, or idle too long. */
    private static final String SESSION_OVER = "least(coalesce(s.ended_at, 'infinity'::timestamptz), s.expires_at, "
            + "s.last_seen_at + make_interval(secs => s.idle_timeout_seconds))";

    private final JdbcClient db;

    SignInRecordsRetention(JdbcClient db) {
        this.db = db;
    }

    @Override
    public int purge(Instant now, RetentionPeriods periods) {
        return endedSessions(now.minus(periods.endedSessions()))
                + failedSignIns(now.minus(periods.failedSignIns()))
                + unusedChallenges(now.minus(periods.unusedChallenges()))
                + db.sql("delete from second_factor_lock where greatest(coalesce(locked_until, last_wrong_at), last_wrong_at) < ?")
                        .param(now.minus(periods.secondFactorLocks()).atOffset(ZoneOffset.UTC)).update();
    }

    /** A session, its sign-in and its challenge go together (the foreign keys run session → sign-in → challenge). */
    private int endedSessions(Instant before) {
        return db.sql("""
                with gone_sessions as (
                    delete from session where id in (select s.id from session s where s.created_at < :before and %1$s < :before limit %2$d)
                    returning sign_in_attempt_id),
                gone_attempts as (
                    delete from sign_in_attempt a where a.id in (select sign_in_attempt_id from gone_sessions)
                      and not exists (select 1 from session s where s.sign_in_attempt_id = a.id and %1$s >= :before)
                    returning challenge_id)
                delete from sign_in_challenge where id in (select challenge_id from gone_attempts)
                """.formatted(SESSION_OVER, BATCH)).param("before", before.atOffset(ZoneOffset.UTC)).update();
    }

    private int failedSignIns(Instant before) {
        return db.sql("""
                with gone_attempts as (
                    delete from sign_in_attempt where id in (
                        select a.id from sign_in_attempt a where a.code_expires_at < :before
                          and not exists (select 1 from session s where s.sign_in_attempt_id = a.id) limit %d)
                    returning challenge_id)
                delete from sign_in_challenge where id in (select challenge_id from gone_attempts)
                """.formatted(BATCH)).param("before", before.atOffset(ZoneOffset.UTC)).update();
    }

    private int unusedChallenges(Instant before) {
        return db.sql("""
                delete from sign_in_challenge where id in (
                    select c.id from sign_in_challenge c where c.expires_at < ?
                      and not exists (select 1 from sign_in_attempt a where a.challenge_id = c.id) limit %d)
                """.formatted(BATCH)).param(before.atOffset(ZoneOffset.UTC)).update();
    }
}
