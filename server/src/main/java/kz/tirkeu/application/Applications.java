package kz.tirkeu.application;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.Year;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import kz.tirkeu.pki.identity.Bin;
import kz.tirkeu.pki.identity.Iin;
import kz.tirkeu.statesystems.Vin;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The application rows. Status changes only through {@link ActionLog#append}, in the same transaction. */
@Repository
class Applications {

    private final JdbcClient db;

    Applications(JdbcClient db) {
        this.db = db;
    }

    /** Inserts a new application; the partial unique index refuses a second open one for the VIN. */
    ApplicationRecord create(Vin vin, Bin sellerBin, Iin sellerIin, Iin buyerIin, kz.tirkeu.regime.RegimeRef regime, Instant now) {
        long serial = db.sql("select nextval('application_number_seq')").query(Long.class).single();
        String number = String.format("A-%d-%06d", Year.from(now.atZone(ZoneOffset.UTC)).getValue(), serial);
        UUID id = UUID.randomUUID();
        db.sql("""
                        insert into application (id, number, process_version, vin, seller_bin, seller_iin, buyer_iin, status, created_at, updated_at,
                                                 regime_code, regime_version)
                        values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(id, number, ProcessDefinition.VERSION, vin.value(), sellerBin.value(), sellerIin.value(), buyerIin.value(),
                        ApplicationStatus.CHECKING.name(), utc(now), utc(now), regime.code(), regime.version())
                .update();
        return find(number).orElseThrow();
    }

    Optional<ApplicationRecord> find(String number) {
        return db.sql("select * from application where number = ?").param(number).query(Applications::row).optional();
    }

    /** The status of the application that holds this VIN (the one not closed), if any. */
    Optional<ApplicationStatus> statusOfOpen(Vin vin) {
        String[] closed = java.util.Arrays.stream(ApplicationStatus.values()).filter(ApplicationStatus::closed).map(Enum::name).toArray(String[]::new);
        return db.sql("select status from application where vin = ? and status <> all(?)")
                .params(vin.value(), closed).query((rs, n) -> ApplicationStatus.valueOf(rs.getString(1))).optional();
    }

    /** Which of these VINs an open application holds, in one query. */
    java.util.Set<String> heldByOpenApplications(java.util.Collection<String> vins) {
        String[] closed = java.util.Arrays.stream(ApplicationStatus.values()).filter(ApplicationStatus::closed).map(Enum::name).toArray(String[]::new);
        return java.util.Set.copyOf(db.sql("select vin from application where vin = any(?) and status <> all(?)")
                .params(vins.toArray(String[]::new), closed).query(String.class).list());
    }

    Optional<ApplicationRecord> find(UUID id) {
        return db.sql("select * from application where id = ?").param(id).query(Applications::row).optional();
    }

    /** Locks the row for the rest of the transaction: one change to an application at a time, across servers. */
    Optional<ApplicationRecord> lock(String number) {
        return db.sql("select * from application where number = ? for update").param(number).query(Applications::row).optional();
    }

    Optional<ApplicationRecord> lock(UUID id) {
        return db.sql("select * from application where id = ? for update").param(id).query(Applications::row).optional();
    }

    void setStatus(UUID id, ApplicationStatus status, Instant now) {
        db.sql("update application set status = ?, updated_at = ? where id = ?").params(status.name(), utc(now), id).update();
    }

    void setBuyer(UUID id, Iin buyer, Instant now) {
        db.sql("update application set buyer_iin = ?, updated_at = ? where id = ?").params(buyer.value(), utc(now), id).update();
    }

    void setBuyerDeadline(UUID id, Instant deadline) {
        db.sql("update application set buyer_deadline = ? where id = ?").params(utc(deadline), id).update();
    }

    List<ApplicationRecord> ofSeller(Bin bin, Optional<ApplicationStatus> status, int limit, int offset) {
        return db.sql("select * from application where seller_bin = ? and (?::text is null or status = ?) order by created_at desc limit ? offset ?")
                .params(bin.value(), status.map(Enum::name).orElse(null), status.map(Enum::name).orElse(null), limit, offset)
                .query(Applications::row).list();
    }

    /** The buyer sees an application from the moment they are asked to agree (S10). */
    List<ApplicationRecord> ofBuyer(Iin iin, int limit, int offset) {
        return db.sql("""
                        select a.* from application a
                         where a.buyer_iin = ?
                           and exists (select 1 from application_action x where x.application_id = a.id and x.action = 'SELLER_SIGNED')
                         order by a.created_at desc limit ? offset ?""")
                .params(iin.value(), limit, offset).query(Applications::row).list();
    }

    /** Whether S9 is done: from then on the buyer may see the application. */
    boolean sellerHasSigned(UUID id) {
        return db.sql("select exists (select 1 from application_action where application_id = ? and action = 'SELLER_SIGNED')")
                .param(id).query(Boolean.class).single();
    }

    /** The region of the PSC the buyer chose at S15, once chosen. */
    Optional<String> regionOfChoice(UUID id) {
        return db.sql("select psc_region from application_choice where application_id = ?").param(id).query(String.class).optional();
    }

    List<UUID> awaitingBuyerPast(Instant now) {
        return db.sql("select id from application where status = 'AWAITING_BUYER_CONSENT' and buyer_deadline <= ?")
                .param(utc(now)).query(UUID.class).list();
    }

    private static ApplicationRecord row(ResultSet rs, int n) throws SQLException {
        OffsetDateTime deadline = rs.getObject("buyer_deadline", OffsetDateTime.class);
        String regime = rs.getString("regime_code");
        int regimeVersion = rs.getInt("regime_version");
        return new ApplicationRecord(rs.getObject("id", UUID.class), rs.getString("number"), rs.getString("process_version"),
                new Vin(rs.getString("vin")), new Bin(rs.getString("seller_bin")), new Iin(rs.getString("seller_iin")),
                new Iin(rs.getString("buyer_iin")), ApplicationStatus.valueOf(rs.getString("status")),
                Optional.ofNullable(deadline).map(OffsetDateTime::toInstant), rs.getObject("created_at", OffsetDateTime.class).toInstant(),
                Optional.ofNullable(regime).map(code -> new kz.tirkeu.regime.RegimeRef(code, regimeVersion)));
    }

    static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}
