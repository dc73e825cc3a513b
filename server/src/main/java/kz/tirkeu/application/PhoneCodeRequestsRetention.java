package kz.tirkeu.application;

import java.time.Instant;
import java.time.ZoneOffset;
import kz.tirkeu.platform.retention.RetentionPeriods;
import kz.tirkeu.platform.retention.ShortLivedRecords;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The S16 code requests exist to count against the sending limit (30 minutes); older ones count for nothing. */
@Component
class PhoneCodeRequestsRetention implements ShortLivedRecords {

    private final JdbcClient db;

    PhoneCodeRequestsRetention(JdbcClient db) {
        this.db = db;
    }

    @Override
    public int purge(Instant now, RetentionPeriods periods) {
        return db.sql("delete from phone_code_request where ctid in (select ctid from phone_code_request where requested_at < ? limit 10000)")
                .param(now.minus(periods.phoneCodeRequests()).atOffset(ZoneOffset.UTC)).update();
    }
}
