package kz.tirkeu.notification;

import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * How the notices about some subjects (application numbers) fared: sent, delivered over at least one channel, read in
 * the cabinet. For monitoring (Digital Code Art. 54), in one query for all subjects.
 */
@Service
public class NoticeStatistics {

    public record Counts(long sent, long delivered, long read) {

        public static final Counts NONE = new Counts(0, 0, 0);

        public Counts plus(Counts other) {
            return new Counts(sent + other.sent, delivered + other.delivered, read + other.read);
        }
    }

    private final JdbcClient db;

    NoticeStatistics(JdbcClient db) {
        this.db = db;
    }

    /** Per subject reference, the notices created in [from, to). Subjects without notices are absent. */
    public Map<String, Counts> bySubject(Collection<String> subjects, Instant from, Instant to) {
        Map<String, Counts> counts = new HashMap<>();
        if (subjects.isEmpty()) {
            return counts;
        }
        db.sql("""
                        select n.subject_reference,
                               count(*) as sent,
                               count(*) filter (where exists (select 1 from deliveries d where d.notice_id = n.id and d.status = 'DELIVERED')) as delivered,
                               count(*) filter (where n.read_at is not null) as read
                        from notices n
                        where n.subject_reference = any(?) and n.created_at >= ? and n.created_at < ?
                        group by n.subject_reference
                        """)
                .params(subjects.toArray(String[]::new), from.atOffset(java.time.ZoneOffset.UTC), to.atOffset(java.time.ZoneOffset.UTC))
                .query((rs, row) -> counts.put(rs.getString(1), new Counts(rs.getLong(2), rs.getLong(3), rs.getLong(4))))
                .list();
        return counts;
    }
}
