package kz.tirkeu.issuance.production;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import kz.tirkeu.issuance.IssuanceProperties;
import kz.tirkeu.platform.Backoff;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The orders in production that are due to be looked at: claimed with FOR UPDATE SKIP LOCKED for a
 * lease, so servers share them and an order whose server died is taken over when the lease ends.
 */
@Repository
class ProductionQueue {

    private final JdbcClient db;
    private final Clock clock;
    private final IssuanceProperties.Worker settings;

    ProductionQueue(JdbcClient db, Clock clock, IssuanceProperties properties) {
        this.db = db;
        this.clock = clock;
        this.settings = properties.worker();
    }

    /** The application numbers of up to {@code limit} due orders, now this server's. */
    List<String> claimDue(int limit) {
        Instant now = clock.instant();
        return db.sql("""
                        update collection_order set claimed_until = ?
                         where application_number in (select application_number from collection_order
                                                       where next_check_at <= ? and (claimed_until is null or claimed_until < ?)
                                                       order by next_check_at limit ? for update skip locked)
                        returning application_number""")
                .params(utc(now.plus(settings.lease())), utc(now), utc(now), limit)
                .query(String.class).list();
    }

    /** What production said this round; statuses only ever move forward. A job or order given again (production lost the first) replaces its id. */
    void recordProgress(String applicationNumber, Progress progress) {
        db.sql("""
                        update collection_order set
                            print_job_id = coalesce(?, print_job_id),
                            certificate_status = case when ? > array_position(array['AWAITING_SUBMISSION','QUEUED','PRINTED','DELIVERED_TO_PSC'], certificate_status)
                                                      then ? else certificate_status end,
                            certificate_blank_number = coalesce(?, certificate_blank_number),
                            plate_order_id = coalesce(?, plate_order_id),
                            plates_status = case when ? > array_position(array['AWAITING_SUBMISSION','ORDERED','MADE','AT_PSC'], plates_status)
                                                 then ? else plates_status end,
                            plate_serials = case when cardinality(?::text[]) > 0 then ?::text[] else plate_serials end
                         where application_number = ?""")
                .params(progress.printJobId(), rank(CERTIFICATE, progress.certificateStatus()), progress.certificateStatus(), progress.blankNumber(),
                        progress.plateOrderId(), rank(PLATES, progress.platesStatus()), progress.platesStatus(),
                        progress.serials().toArray(String[]::new), progress.serials().toArray(String[]::new), applicationNumber)
                .update();
    }

    /** Looked at: next time in {@code pollEvery}, or after a backoff when something was unavailable. */
    void scheduleNext(String applicationNumber, Optional<String> problem, Optional<Duration> retryAfter) {
        Instant now = clock.instant();
        if (problem.isEmpty()) {
            db.sql("update collection_order set next_check_at = ?, failed_attempts = 0, last_problem = null, claimed_until = null where application_number = ?")
                    .params(utc(now.plus(settings.pollEvery())), applicationNumber).update();
            return;
        }
        int failed = db.sql("select failed_attempts from collection_order where application_number = ?").param(applicationNumber).query(Integer.class).single();
        Duration wait = new Backoff(settings.firstRetry(), settings.longestRetry()).after(failed, retryAfter);
        db.sql("update collection_order set next_check_at = ?, failed_attempts = failed_attempts + 1, last_problem = ?, claimed_until = null where application_number = ?")
                .params(utc(now.plus(wait)), problem.get(), applicationNumber).update();
    }

    /** Both at the PSC and the buyer told: nothing more for the worker. */
    void markReady(String applicationNumber, Instant at) {
        db.sql("update collection_order set ready_at = ?, next_check_at = null, failed_attempts = 0, last_problem = null, claimed_until = null where application_number = ?")
                .params(utc(at), applicationNumber).update();
    }

    static final List<String> CERTIFICATE = List.of("AWAITING_SUBMISSION", "QUEUED", "PRINTED", "DELIVERED_TO_PSC");
    static final List<String> PLATES = List.of("AWAITING_SUBMISSION", "ORDERED", "MADE", "AT_PSC");

    /** The 1-based position PostgreSQL's array_position gives; 0 for "nothing new". */
    private static int rank(List<String> order, String status) {
        return status == null ? 0 : order.indexOf(status) + 1;
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }

    /** Nulls where production said nothing new. */
    record Progress(String printJobId, String certificateStatus, String blankNumber, String plateOrderId, String platesStatus, List<String> serials) {}
}
