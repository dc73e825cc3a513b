package kz.tirkeu.platform.retention;

import java.time.Clock;
import java.util.List;
import kz.tirkeu.platform.BackgroundWork;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Deletes the short-lived records of every business area past their retention period (issue [7]: nothing ever deleted
 * expired challenges, sessions or idempotency answers, and anyone could make challenges). Cluster-safe: a round runs
 * under a PostgreSQL advisory lock, so with several servers one purges and the others skip that round.
 */
@Component
@EnableConfigurationProperties(RetentionPeriods.class)
public class RetentionPurge extends BackgroundWork {

    private static final Logger log = LoggerFactory.getLogger(RetentionPurge.class);
    /** The advisory lock's key: "retention" in ASCII, a number no other lock of Tirkeu uses. */
    private static final long LOCK = 0x726574656e74696fL;

    private final List<ShortLivedRecords> areas;
    private final RetentionPeriods periods;
    private final JdbcClient db;
    private final TransactionTemplate transaction;
    private final Clock clock;

    RetentionPurge(List<ShortLivedRecords> areas, RetentionPeriods periods, JdbcClient db, TransactionTemplate transaction, Clock clock) {
        super("retention-purge", periods.interval(), periods.enabled());
        this.areas = areas;
        this.periods = periods;
        this.db = db;
        this.transaction = transaction;
        this.clock = clock;
    }

    @Override
    protected int round() {
        // Never "a full batch": one purge deletes everything due, so the next one waits for the interval.
        purge();
        return 0;
    }

    /** One round; returns the rows deleted, or -1 when another server holds the round. */
    public int purge() {
        Integer deleted = transaction.execute(status -> {
            if (!db.sql("select pg_try_advisory_xact_lock(?)").param(LOCK).query(Boolean.class).single()) {
                return -1;
            }
            int rows = 0;
            for (ShortLivedRecords area : areas) {
                rows += area.purge(clock.instant(), periods);
            }
            return rows;
        });
        if (deleted != null && deleted > 0) {
            log.info("Retention purge: {} short-lived rows past their period deleted", deleted);
        }
        return deleted == null ? 0 : deleted;
    }

}
