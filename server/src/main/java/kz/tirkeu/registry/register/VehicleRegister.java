package kz.tirkeu.registry.register;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import kz.tirkeu.issuance.IssuanceEvent;
import kz.tirkeu.statesystems.VehiclePassports;
import org.springframework.context.event.EventListener;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;
import org.springframework.modulith.NamedInterface;

/**
 * The register of vehicles: one record per VIN (the database refuses a second), each with the history
 * of what was done to it. Written in the caller's transaction, so a registration and the application's
 * log entry that records it commit together or not at all.
 */
@NamedInterface("register")
@Repository
public class VehicleRegister {

    /** How many records a search returns at most: a search is for finding a vehicle, not for exporting the register. */
    public static final int SEARCH_LIMIT = 50;

    private final JdbcClient db;
    private final JsonMapper json = JsonMapper.builder().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();

    VehicleRegister(JdbcClient db) {
        this.db = db;
    }

    /** Enters the vehicle, with a first history entry. */
    public void register(VehicleRegistration registration) {
        try {
            db.sql("""
                            insert into vehicle_registration (vin, owner_iin, owner_name, vehicle, plate_number, region, certificate_number,
                                                              application_number, registered_at, registered_by)
                            values (?, ?, ?, ?::jsonb, ?, ?, ?, ?, ?, ?)""")
                    .params(registration.vin(), registration.ownerIin(), registration.ownerName(), json.writeValueAsString(registration.vehicle()),
                            registration.plateNumber(), registration.region(), registration.certificateNumber(), registration.applicationNumber(),
                            utc(registration.registeredAt()), registration.registeredBy())
                    .update();
        } catch (DuplicateKeyException e) {
            throw new AlreadyRegistered(registration.vin());
        }
        append(registration.vin(), registration.registeredAt(), "REGISTERED",
                "PLATFORM".equals(registration.registeredBy()) ? null : registration.registeredBy(),
                Map.of("applicationNumber", registration.applicationNumber(), "plate", registration.plateNumber(),
                        "certificate", registration.certificateNumber(), "ownerIin", registration.ownerIin()));
    }

    public boolean holds(String vin) {
        return db.sql("select exists (select 1 from vehicle_registration where vin = ?)").param(vin).query(Boolean.class).single();
    }

    /** Which of these VINs the register holds, in one query. */
    public java.util.Set<String> registeredAmong(java.util.Collection<String> vins) {
        return java.util.Set.copyOf(db.sql("select vin from vehicle_registration where vin = any(?)")
                .param(vins.toArray(String[]::new)).query(String.class).list());
    }

    public Optional<VehicleRegistration> find(String vin) {
        return db.sql("select * from vehicle_registration where vin = ?").param(vin.strip().toUpperCase(Locale.ROOT)).query(this::row).optional();
    }

    public List<RegisterOperation> history(String vin) {
        return db.sql("select * from vehicle_register_operation where vin = ? order by seq").param(vin.strip().toUpperCase(Locale.ROOT))
                .query((rs, n) -> new RegisterOperation(rs.getInt("seq"), rs.getObject("at", OffsetDateTime.class).toInstant(), rs.getString("operation"),
                        Optional.ofNullable(rs.getString("actor_iin")),
                        json.readValue(rs.getString("detail"), new TypeReference<Map<String, String>>() {})))
                .list();
    }

    /**
     * Records matching every criterion given (VIN, plate as people type it — any spacing or case —,
     * owner's IIN), newest first, at most {@link #SEARCH_LIMIT}.
     */
    public List<VehicleRegistration> search(Optional<String> vin, Optional<String> plate, Optional<String> ownerIin) {
        String plateKey = plate.map(p -> p.replaceAll("\\s+", "").toUpperCase(Locale.ROOT)).orElse(null);
        return db.sql("""
                        select * from vehicle_registration
                         where (?::text is null or vin = ?)
                           and (?::text is null or replace(plate_number, ' ', '') = ?)
                           and (?::text is null or owner_iin = ?)
                         order by registered_at desc limit ?""")
                .params(vin.map(v -> v.strip().toUpperCase(Locale.ROOT)).orElse(null), vin.map(v -> v.strip().toUpperCase(Locale.ROOT)).orElse(null),
                        plateKey, plateKey, ownerIin.map(String::strip).orElse(null), ownerIin.map(String::strip).orElse(null), SEARCH_LIMIT)
                .query(this::row).list();
    }

    /** The documents' way to the owner is part of the vehicle's history. */
    @EventListener
    void on(IssuanceEvent event) {
        Optional<String> vin = db.sql("select vin from vehicle_registration where application_number = ?").param(event.applicationNumber())
                .query(String.class).optional();
        if (vin.isEmpty()) {
            return;
        }
        switch (event) {
            case IssuanceEvent.DocumentsReady ready -> append(vin.get(), ready.at(), "DOCUMENTS_AT_PSC", null, Map.of("psc", ready.pscCode()));
            case IssuanceEvent.QueueTicketIssued ticket -> { } // a visit to the PSC, not an operation on the vehicle
            case IssuanceEvent.DocumentsHandedOver handed -> append(vin.get(), handed.at(), "DOCUMENTS_HANDED_OVER", handed.operatorIin(),
                    Map.of("psc", handed.pscCode(), "plateSerials", String.join(", ", handed.plateSerials()),
                            "certificateBlankNumber", handed.certificateBlankNumber()));
        }
    }

    private void append(String vin, Instant at, String operation, String actorIin, Map<String, String> detail) {
        db.sql("""
                        insert into vehicle_register_operation (vin, seq, at, operation, actor_iin, detail)
                        values (?, coalesce((select max(seq) from vehicle_register_operation where vin = ?), 0) + 1, ?, ?, ?, ?::jsonb)""")
                .params(vin, vin, utc(at), operation, actorIin, json.writeValueAsString(detail)).update();
    }

    private VehicleRegistration row(ResultSet rs, int n) throws SQLException {
        return new VehicleRegistration(rs.getString("vin"), rs.getString("owner_iin"), rs.getString("owner_name"),
                json.readValue(rs.getString("vehicle"), VehiclePassports.VehiclePassport.class), rs.getString("plate_number"), rs.getString("region"),
                rs.getString("certificate_number"), rs.getString("application_number"), rs.getObject("registered_at", OffsetDateTime.class).toInstant(),
                rs.getString("registered_by"));
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}
