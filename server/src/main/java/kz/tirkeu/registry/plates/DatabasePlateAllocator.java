package kz.tirkeu.registry.plates;

import java.time.Clock;
import java.time.ZoneOffset;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Gives plate numbers from a per-region counter in PostgreSQL: one statement advances the counter (or
 * finds the plate this application already has), the {@link PlateNumberSequence} turns the position into
 * a designation, and one insert claims it. The {@code plate_number} table's keys make a number and an
 * application each appear once, so any number of servers can allocate at once; a number that turns out
 * to be taken (stored or reserved meanwhile) is passed over for the next one.
 *
 * <p>Each statement runs in its own transaction, even when the caller has one open: the counter's row
 * lock then lasts one statement, not a whole registration decision, and a plate once given stays given
 * to its application — a decision that is rolled back and retried gets the same plate back.
 */
class DatabasePlateAllocator implements PlateAllocator {

    private static final Logger log = LoggerFactory.getLogger(DatabasePlateAllocator.class);

    private final JdbcClient db;
    private final TransactionTemplate ownTransaction;
    private final PlateRules rules;
    private final PlateNumberSequence sequence;
    private final Clock clock;

    DatabasePlateAllocator(JdbcClient db, PlatformTransactionManager transactions, PlateRules rules,
                           PlateNumberSequence sequence, Clock clock) {
        this.db = db;
        this.ownTransaction = new TransactionTemplate(transactions);
        this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.rules = rules;
        this.sequence = sequence;
        this.clock = clock;
    }

    @Override
    public Plate allocate(String regionCode, String applicationNumber) {
        rules.requireKnownRegion(regionCode);
        if (applicationNumber == null || applicationNumber.isBlank()) {
            throw new IllegalArgumentException("A plate is allocated for an application number, and none was given");
        }
        while (true) {
            Step step = ownTransaction.execute(status -> advance(regionCode, applicationNumber));
            if (step.plate() != null) {
                return alreadyGiven(step.plate(), regionCode, applicationNumber);
            }
            if (step.position() == null) {
                startCounter(regionCode);
                continue;
            }
            long position = step.position();
            if (position >= sequence.size()) {
                throw new PlateNumbersExhaustedException(regionCode, sequence.size());
            }
            String number = sequence.designation(position, regionCode);
            if (rules.isHeldBack(number)) {
                continue;
            }
            if (claim(regionCode, number, applicationNumber, position)) {
                return new Plate(number, regionCode);
            }
            // Taken: stored or reserved at run time, or left from an earlier configuration; or this very
            // application got a plate from another server meanwhile, which the next step finds.
            log.debug("Plate {} is taken; moving on to the next number of region {}", number, regionCode);
        }
    }

    /** This application's plate if it has one, otherwise the next position of the region's counter. */
    private Step advance(String regionCode, String applicationNumber) {
        return db.sql("""
                        with existing as (
                            select number, region_code from plate_number where application_number = :application
                        ), advanced as (
                            update plate_counter set next_position = next_position + 1
                             where region_code = :region and not exists (select 1 from existing)
                            returning next_position - 1 as position
                        )
                        select (select number from existing) as number,
                               (select region_code from existing) as region_code,
                               (select position from advanced) as position
                        """)
                .param("application", applicationNumber)
                .param("region", regionCode)
                .query((rs, row) -> new Step(
                        rs.getString("number") == null ? null : new Plate(rs.getString("number"), rs.getString("region_code")),
                        rs.getObject("position", Long.class)))
                .single();
    }

    private void startCounter(String regionCode) {
        ownTransaction.executeWithoutResult(status -> db.sql("""
                        insert into plate_counter (region_code, next_position) values (?, 0)
                        on conflict (region_code) do nothing
                        """)
                .param(regionCode)
                .update());
    }

    private boolean claim(String regionCode, String number, String applicationNumber, long position) {
        Integer inserted = ownTransaction.execute(status -> db.sql("""
                        insert into plate_number (region_code, number, status, application_number, sequence_position, recorded_at)
                        values (?, ?, 'ALLOCATED', ?, ?, ?)
                        on conflict do nothing
                        """)
                .params(regionCode, number, applicationNumber, position, clock.instant().atOffset(ZoneOffset.UTC))
                .update());
        return inserted != null && inserted == 1;
    }

    private static Plate alreadyGiven(Plate plate, String regionCode, String applicationNumber) {
        if (!plate.regionCode().equals(regionCode)) {
            // One application is one vehicle with one plate; asking again for another region is a mistake
            // upstream that must not quietly give the vehicle a second number.
            throw new IllegalStateException("Application %s already has plate %s of region %s, not of region %s"
                    .formatted(applicationNumber, plate.number(), plate.regionCode(), regionCode));
        }
        return plate;
    }

    /** Either the plate the application already has, or the counter position taken for it (null: no counter yet). */
    private record Step(Plate plate, Long position) {}
}
