package kz.tirkeu.issuance;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import kz.tirkeu.pki.identity.Iin;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The {@code collection_order} table: explicit SQL, one query per list (never one per row). */
@Repository
public class CollectionTable {

    private static final String COLUMNS = """
            application_number, owner_iin, owner_name, vin, psc_code, plate_number, plate_type, certificate_number, ordered_at,
            certificate_status, print_job_id, certificate_blank_number, plates_status, plate_order_id, plate_serials, ready_at,
            failed_attempts, last_problem, queue_ticket, ticket_issued_at, handed_over_at, handed_over_by""";

    private final JdbcClient db;
    private final Clock clock;

    CollectionTable(JdbcClient db, Clock clock) {
        this.db = db;
        this.clock = clock;
    }

    /** Stores a new order, due for the production worker at once; false when the application has one already. */
    boolean insert(CollectionOrder order) {
        OffsetDateTime now = utc(clock.instant());
        return db.sql("""
                        insert into collection_order (application_number, owner_iin, owner_name, vin, psc_code, plate_number, plate_type,
                                                      certificate_number, ordered_at, next_check_at)
                        values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) on conflict (application_number) do nothing""")
                .params(order.applicationNumber(), order.owner().value(), order.ownerName(), order.vin(), order.pscCode(), order.plateNumber(),
                        order.plateType(), order.certificateNumber(), now, now)
                .update() == 1;
    }

    public Optional<CollectionRecord> find(String applicationNumber) {
        return db.sql("select " + COLUMNS + " from collection_order where application_number = ?").param(applicationNumber)
                .query(CollectionTable::record).optional();
    }

    /**
     * What a PSC works with, newest first: every order not yet handed over (however old: those are the overdue
     * ones), and those handed over since the given moment. Bounded by the PSC's real workload, not by its history.
     */
    public List<CollectionRecord> openAtPsc(String pscCode, Instant handedOverSince) {
        return db.sql("select " + COLUMNS + " from collection_order where psc_code = ? and (handed_over_at is null or handed_over_at >= ?)"
                        + " order by ordered_at desc")
                .params(pscCode, utc(handedOverSince)).query(CollectionTable::record).list();
    }

    /** The PSC's latest handovers, newest first, at most {@code limit}. */
    public List<CollectionRecord> handedOverAtPsc(String pscCode, int limit) {
        return db.sql("select " + COLUMNS + " from collection_order where psc_code = ? and handed_over_at is not null order by handed_over_at desc limit ?")
                .params(pscCode, limit).query(CollectionTable::record).list();
    }

    /** One owner's orders at one PSC (reception finds them by the person, P8), oldest first. */
    public List<CollectionRecord> ofOwnerAtPsc(String pscCode, Iin owner) {
        return db.sql("select " + COLUMNS + " from collection_order where psc_code = ? and owner_iin = ? order by ordered_at")
                .params(pscCode, owner.value()).query(CollectionTable::record).list();
    }

    /**
     * These orders, locked until the transaction ends: two operators receiving the same person at once then give
     * one ticket, not two. Locked (and returned) in application-number order, so two such transactions never deadlock.
     */
    public List<CollectionRecord> lockAll(List<String> applicationNumbers) {
        return db.sql("select " + COLUMNS + " from collection_order where application_number = any(?) order by application_number for update")
                .param(applicationNumbers.toArray(String[]::new)).query(CollectionTable::record).list();
    }

    /** The orders one queue ticket of a PSC covers on the day that starts at {@code dayStart} (one person's documents). */
    public List<CollectionRecord> withTicket(String pscCode, String ticket, Instant dayStart, Instant dayEnd) {
        return db.sql("select " + COLUMNS + " from collection_order where psc_code = ? and queue_ticket = ? and ticket_issued_at >= ?"
                        + " and ticket_issued_at < ? order by ordered_at")
                .params(pscCode, ticket, utc(dayStart), utc(dayEnd)).query(CollectionTable::record).list();
    }

    /** These orders, oldest first. */
    public List<CollectionRecord> all(List<String> applicationNumbers) {
        if (applicationNumbers.isEmpty()) {
            return List.of();
        }
        return db.sql("select " + COLUMNS + " from collection_order where application_number = any(?) order by ordered_at")
                .param(applicationNumbers.toArray(String[]::new)).query(CollectionTable::record).list();
    }

    static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }

    private static CollectionRecord record(ResultSet rs, int row) throws SQLException {
        CollectionOrder order = new CollectionOrder(rs.getString("application_number"), Iin.of(rs.getString("owner_iin")), rs.getString("owner_name"),
                rs.getString("vin"), rs.getString("psc_code"), rs.getString("plate_number"), rs.getString("plate_type"), rs.getString("certificate_number"));
        return new CollectionRecord(order, instant(rs, "ordered_at").orElseThrow(), rs.getString("certificate_status"),
                Optional.ofNullable(rs.getString("print_job_id")), Optional.ofNullable(rs.getString("certificate_blank_number")),
                rs.getString("plates_status"), Optional.ofNullable(rs.getString("plate_order_id")), strings(rs.getArray("plate_serials")),
                instant(rs, "ready_at"), rs.getInt("failed_attempts"), Optional.ofNullable(rs.getString("last_problem")),
                Optional.ofNullable(rs.getString("queue_ticket")), instant(rs, "ticket_issued_at"), instant(rs, "handed_over_at"),
                Optional.ofNullable(rs.getString("handed_over_by")));
    }

    private static Optional<Instant> instant(ResultSet rs, String column) throws SQLException {
        Timestamp value = rs.getTimestamp(column);
        return Optional.ofNullable(value).map(Timestamp::toInstant);
    }

    private static List<String> strings(Array array) throws SQLException {
        return array == null ? List.of() : Arrays.asList((String[]) array.getArray());
    }
}
