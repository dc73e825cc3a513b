package kz.tirkeu.partner.client;

import java.time.Instant;
import kz.tirkeu.platform.retention.RetentionPeriods;
import kz.tirkeu.platform.retention.ShortLivedRecords;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * A used assertion's jti is worth keeping only until the assertion expires (then its exp refuses it anyway), and an
 * access token only until it expires: both go then. The call log is not short-lived: it is the record of what a partner
 * did for whom.
 */
@Component
class PartnerRecordsRetention implements ShortLivedRecords {

    private final JdbcClient db;

    PartnerRecordsRetention(JdbcClient db) {
        this.db = db;
    }

    @Override
    public int purge(Instant now, RetentionPeriods periods) {
        return db.sql("delete from partner_assertion where expires_at < ?").param(PartnerClients.utc(now)).update()
                + db.sql("delete from partner_access_token where expires_at < ?").param(PartnerClients.utc(now)).update();
    }
}
