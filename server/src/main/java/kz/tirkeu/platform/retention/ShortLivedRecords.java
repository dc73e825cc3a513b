package kz.tirkeu.platform.retention;

import java.time.Instant;

/**
 * Rows a business area keeps only for a while (sign-in challenges, sessions, idempotency answers, phone-code requests):
 * each area deletes its own past their retention period when {@link RetentionPurge} asks. Nothing that is evidence of a
 * decision about a person (the action log, signed statements, the exchange log) is ever short-lived.
 */
public interface ShortLivedRecords {

    /** Deletes what is past its retention period at {@code now}; returns how many rows went. Called on one server at a time. */
    int purge(Instant now, RetentionPeriods periods);
}
