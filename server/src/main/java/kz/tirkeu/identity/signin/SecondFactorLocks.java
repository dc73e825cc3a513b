package kz.tirkeu.identity.signin;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Optional;
import kz.tirkeu.identity.IdentityProperties;
import kz.tirkeu.pki.identity.Iin;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Counts wrong second-factor codes per person. The count survives new challenges, so guessing
 * cannot be spread over many sign-ins: five wrong codes lock the second factor for fifteen minutes.
 */
@Repository
class SecondFactorLocks {

    private final JdbcClient db;
    private final IdentityProperties properties;
    private final Clock clock;

    SecondFactorLocks(JdbcClient db, IdentityProperties properties, Clock clock) {
        this.db = db;
        this.properties = properties;
        this.clock = clock;
    }

    /**
     * Holds the person's second factor for the rest of the transaction: codes typed into several open sign-ins at once
     * are compared one after the other, so the count and the lock each sees are those the one before it left. Without
     * this, ten parallel sign-ins compared ten codes before the fifth wrong one locked anything.
     */
    void holdPerson(Iin iin) {
        db.sql("select 1 from pg_advisory_xact_lock(hashtextextended(?, 0))").param("second-factor:" + iin.value()).query(Integer.class).single();
    }

    Optional<Instant> lockedUntil(Iin iin) {
        return db.sql("select locked_until from second_factor_lock where iin = ? and locked_until > ?")
                .params(iin.value(), SignInChallenges.utc(clock.instant()))
                .query(OffsetDateTime.class)
                .optional()
                .map(OffsetDateTime::toInstant);
    }

    /** Records a wrong code; returns how many tries are left before the lock (0 means it is now locked). */
    int recordWrongCode(Iin iin) {
        Instant now = clock.instant();
        int wrong = db.sql("""
                        insert into second_factor_lock (iin, wrong_codes, last_wrong_at) values (?, 1, ?)
                        on conflict (iin) do update set wrong_codes = second_factor_lock.wrong_codes + 1, last_wrong_at = excluded.last_wrong_at
                        returning wrong_codes""")
                .params(iin.value(), SignInChallenges.utc(now))
                .query(Integer.class)
                .single();
        if (wrong >= properties.wrongCodesBeforeLock()) {
            db.sql("update second_factor_lock set wrong_codes = 0, locked_until = ? where iin = ?")
                    .params(SignInChallenges.utc(now.plus(properties.lockDuration())), iin.value())
                    .update();
            return 0;
        }
        return properties.wrongCodesBeforeLock() - wrong;
    }

    void reset(Iin iin) {
        db.sql("delete from second_factor_lock where iin = ?").param(iin.value()).update();
    }
}
