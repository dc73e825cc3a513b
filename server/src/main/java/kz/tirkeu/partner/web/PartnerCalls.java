package kz.tirkeu.partner.web;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The log of every call a partner system makes, under the system and under the person it acted for: what was called
 * (the endpoint's path template, never the path itself, which may hold an IIN), how it ended, when.
 */
@Repository
class PartnerCalls {

    record Call(String clientId, Optional<String> personIin, String method, String pathTemplate, int status, Instant at) {}

    private final JdbcClient db;
    private final Clock clock;

    PartnerCalls(JdbcClient db, Clock clock) {
        this.db = db;
        this.clock = clock;
    }

    void record(String clientId, Optional<String> personIin, String method, String pathTemplate, int status) {
        db.sql("insert into partner_call (client_id, person_iin, method, path_template, status, at) values (?, ?, ?, ?, ?, ?)")
                .params(clientId, personIin.orElse(null), method, pathTemplate, status, clock.instant().atOffset(ZoneOffset.UTC))
                .update();
    }

    List<Call> of(String clientId, Optional<String> personIin, int limit) {
        return db.sql("""
                        select * from partner_call where client_id = ? and (cast(? as text) is null or person_iin = ?)
                         order by at desc, id desc limit ?""")
                .params(clientId, personIin.orElse(null), personIin.orElse(null), limit)
                .query((rs, n) -> new Call(rs.getString("client_id"), Optional.ofNullable(rs.getString("person_iin")), rs.getString("method"),
                        rs.getString("path_template"), rs.getInt("status"), rs.getObject("at", OffsetDateTime.class).toInstant()))
                .list();
    }
}
