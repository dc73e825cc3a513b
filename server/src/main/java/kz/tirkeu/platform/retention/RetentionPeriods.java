package kz.tirkeu.platform.retention;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How long short-lived records are kept (tirkeu.retention.*), listed in docs/SECURITY.md.
 *
 * @param unusedChallenges  a sign-in challenge nobody signed, after it expired: worthless, and anyone can make one
 * @param failedSignIns     a sign-in that never became a session (wrong or no code), kept as evidence of attempts
 * @param endedSessions     a session after it ended or expired, with its sign-in and challenge: who signed in when, with
 *                          which certificate
 * @param idempotentAnswers an Idempotency-Key's stored answer: a client's retry within this time gets it again
 * @param phoneCodeRequests a request for an S16 phone code, counted by the sending limit (30 minutes)
 * @param secondFactorLocks a second-factor lock's counter, after the lock and the last wrong code
 * @param interval          how often the purge runs
 * @param enabled           off: nothing is purged (the records are kept until it is on again)
 */
@ConfigurationProperties("tirkeu.retention")
public record RetentionPeriods(
        @DefaultValue("1h") Duration unusedChallenges,
        @DefaultValue("90d") Duration failedSignIns,
        @DefaultValue("365d") Duration endedSessions,
        @DefaultValue("24h") Duration idempotentAnswers,
        @DefaultValue("1d") Duration phoneCodeRequests,
        @DefaultValue("1d") Duration secondFactorLocks,
        @DefaultValue("10m") Duration interval,
        @DefaultValue("true") boolean enabled) {

    public RetentionPeriods {
        if (interval == null || interval.isNegative() || interval.isZero()) {
            throw new IllegalArgumentException("tirkeu.retention.interval must be positive, not " + interval);
        }
    }
}
