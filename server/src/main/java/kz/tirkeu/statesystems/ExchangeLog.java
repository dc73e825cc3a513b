package kz.tirkeu.statesystems;

import java.time.Duration;
import java.time.ZoneOffset;
import org.slf4j.MDC;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Every request to a state system, answered or not: the system, our request id, the path, when, how
 * long, the status and the digest of the answer. It is how an operator sees an outage, and how an
 * auditor ties evidence to a request. Bodies are not kept here (they hold personal data); their
 * digests are.
 */
@Repository
public class ExchangeLog {

    private final JdbcClient db;

    ExchangeLog(JdbcClient db) {
        this.db = db;
    }

    void record(Evidence evidence, String pathOrReason, Duration took) {
        db.sql("""
                        insert into state_system_exchange (request_id, system, path, requested_at, duration_ms, http_status, outcome,
                                                           response_digest, correlation_id)
                        values (?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(evidence.requestId(), evidence.system().name(), pathOrReason, evidence.requestedAt().atOffset(ZoneOffset.UTC),
                        took.toMillis(), evidence.httpStatus(), evidence.outcome().name(), evidence.responseDigest(), MDC.get("correlationId"))
                .update();
    }
}
