package kz.tirkeu.platform.web;

import java.time.Instant;
import java.time.ZoneOffset;
import kz.tirkeu.platform.retention.RetentionPeriods;
import kz.tirkeu.platform.retention.ShortLivedRecords;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** An Idempotency-Key's answer is kept for retries, not forever: after the period the key may be used afresh. */
@Component
class IdempotentAnswersRetention implements ShortLivedRecords {

    private final JdbcClient db;

    IdempotentAnswersRetention(JdbcClient db) {
        this.db = db;
    }

    @Override
    public int purge(Instant now, RetentionPeriods periods) {
        return db.sql("delete from idempotent_request where ctid in (select ctid from idempotent_request where created_at < ? limit 10000)")
                .param(now.minus(periods.idempotentAnswers()).atOffset(ZoneOffset.UTC)).update();
    }
}
