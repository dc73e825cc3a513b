package kz.tirkeu.registry.plates;

import kz.tirkeu.pki.InvalidInputException;
import java.time.Clock;
import java.time.ZoneOffset;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Plates kept out of allocation while the server runs: a plate an owner put into storage
 * (хранение) on deregistration, or one held back for another reason. The allocator passes over them;
 * a number already given cannot be stored, because it belongs to a vehicle.
 */
public class StoredPlates {

    /** Why a plate is kept out of allocation. */
    public enum Hold { STORED, RESERVED }

    private final JdbcClient db;
    private final PlateRules rules;
    private final Clock clock;

    StoredPlates(JdbcClient db, PlateRules rules, Clock clock) {
        this.db = db;
        this.rules = rules;
        this.clock = clock;
    }

    /**
     * Keeps the plate out of allocation from now on.
     *
     * @return false when the number is already taken (given to a vehicle, or already held)
     */
    public boolean hold(Plate plate, Hold hold, String note) {
        rules.requireKnownRegion(plate.regionCode());
        var parts = PlateProperties.DESIGNATION.matcher(plate.number());
        if (!parts.matches() || !parts.group(3).equals(plate.regionCode())) {
            throw new InvalidInputException("'%s' is not a plate number of region %s (expected e.g. 123 ABC %s)"
                    .formatted(plate.number(), plate.regionCode(), plate.regionCode()));
        }
        return db.sql("""
                        insert into plate_number (region_code, number, status, recorded_at, note)
                        values (?, ?, ?, ?, ?)
                        on conflict do nothing
                        """)
                .params(plate.regionCode(), plate.number(), hold.name(), clock.instant().atOffset(ZoneOffset.UTC), note)
                .update() == 1;
    }
}
