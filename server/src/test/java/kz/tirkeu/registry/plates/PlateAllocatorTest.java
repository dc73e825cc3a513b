package kz.tirkeu.registry.plates;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import kz.tirkeu.testing.TirkeuServerTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The allocator against the server's real PostgreSQL, with the server's configuration. */
@TirkeuServerTest
class PlateAllocatorTest {

    @Autowired
    PlateAllocator allocator;
    @Autowired
    StoredPlates storedPlates;
    @Autowired
    PlateNumberSequence sequence;
    @Autowired
    PlateRules rules;
    @Autowired
    JdbcClient db;

    @Test
    void anApplicationKeepsItsPlateHoweverOftenItAsks() {
        Plate first = allocator.allocate("07", "KZ-PLATE-IDEM-1");
        Plate second = allocator.allocate("07", "KZ-PLATE-IDEM-2");

        assertThat(allocator.allocate("07", "KZ-PLATE-IDEM-1")).isEqualTo(first);
        assertThat(allocator.allocate("07", "KZ-PLATE-IDEM-2")).isEqualTo(second);
        assertThat(second.number()).isNotEqualTo(first.number());
        assertThat(first.regionCode()).isEqualTo("07");
        assertThat(first.number()).matches("\\d{3} [A-Z]{3} 07");
        assertThat(db.sql("select count(*) from plate_number where application_number = 'KZ-PLATE-IDEM-1'")
                .query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void anApplicationWithAPlateCannotTakeOneInAnotherRegion() {
        Plate plate = allocator.allocate("08", "KZ-PLATE-MOVED");

        assertThatThrownBy(() -> allocator.allocate("09", "KZ-PLATE-MOVED"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining(plate.number()).hasMessageContaining("region 09");
    }

    @Test
    void anUnknownRegionOrNoApplicationIsRefused() {
        assertThatThrownBy(() -> allocator.allocate("21", "KZ-PLATE-UNKNOWN-1"))
                .isInstanceOf(UnknownRegionException.class).hasMessageContaining("'21'");
        assertThatThrownBy(() -> allocator.allocate("2", "KZ-PLATE-UNKNOWN-2")).isInstanceOf(UnknownRegionException.class);
        assertThatThrownBy(() -> allocator.allocate("02", " ")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("application number");
        assertThat(db.sql("select count(*) from plate_number where application_number like 'KZ-PLATE-UNKNOWN-%'")
                .query(Long.class).single()).isZero();
    }

    @Test
    void aPlateStoredWhileTheServerRunsIsPassedOver() {
        allocator.allocate("03", "KZ-PLATE-BEFORE-STORED");
        long next = nextPosition("03");
        String stored = sequence.designation(next, "03");
        assertThat(storedPlates.hold(new Plate(stored, "03"), StoredPlates.Hold.STORED, "owner keeps it")).isTrue();

        Plate given = allocator.allocate("03", "KZ-PLATE-AFTER-STORED");

        assertThat(given.number()).isNotEqualTo(stored).isEqualTo(sequence.designation(next + 1, "03"));
    }

    @Test
    void aPlateGivenToAVehicleCannotBeStored() {
        Plate given = allocator.allocate("03", "KZ-PLATE-NOT-STORABLE");

        assertThat(storedPlates.hold(given, StoredPlates.Hold.RESERVED, "too late")).isFalse();
        assertThatThrownBy(() -> storedPlates.hold(new Plate("123 ABC 04", "03"), StoredPlates.Hold.STORED, null))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("region 03");
    }

    @Test
    void aReservedPlateOfTheConfigurationIsPassedOver() {
        // application.yml reserves 123 ABC 01; move region 01's counter to it rather than give 23 000 plates first.
        long reserved = sequence.positionOf("123 ABC 01");
        allocator.allocate("01", "KZ-PLATE-RESERVED-WARMUP");
        assertThat(nextPosition("01")).isLessThan(reserved);
        db.sql("update plate_counter set next_position = ? where region_code = '01'").param(reserved).update();

        Plate given = allocator.allocate("01", "KZ-PLATE-NEAR-RESERVED");

        assertThat(given.number()).isEqualTo("124 ABC 01");
        assertThat(sequence.designation(reserved + 1, "01")).isEqualTo("124 ABC 01");
    }

    @Test
    void aRegionWhoseNumbersAreAllGivenSaysSo() {
        long before = nextPosition("20");
        try {
            db.sql("""
                    insert into plate_counter (region_code, next_position) values ('20', ?)
                    on conflict (region_code) do update set next_position = excluded.next_position""")
                    .param(sequence.size() - 1).update();
            assertThat(allocator.allocate("20", "KZ-PLATE-LAST").number()).isEqualTo("998 ZZY 20");

            assertThatThrownBy(() -> allocator.allocate("20", "KZ-PLATE-NONE-LEFT"))
                    .isInstanceOf(PlateNumbersExhaustedException.class)
                    .hasMessageContaining("region 20").hasMessageContaining(String.valueOf(sequence.size()));
        } finally {
            db.sql("update plate_counter set next_position = ? where region_code = '20'").param(before).update();
        }
    }

    /** Many allocations through the real database, sixteen regions at once; each checked against the rules. */
    @Test
    void aHundredThousandPlatesInSixteenRegionsAreAllDistinctAllowedAndInOrder() throws Exception {
        List<String> regions = IntStream.rangeClosed(4, 19).mapToObj(r -> "%02d".formatted(r)).toList();
        int perRegion = Integer.getInteger("plates.perRegion", 6_250);
        long started = System.nanoTime();
        List<Plate> given = new ArrayList<>();
        try (ExecutorService threads = Executors.newFixedThreadPool(8)) {
            List<Future<List<Plate>>> batches = new ArrayList<>();
            for (String region : regions) {
                for (int half = 0; half < 2; half++) {
                    int from = half * perRegion / 2;
                    int to = (half + 1) * perRegion / 2;
                    batches.add(threads.submit(() -> IntStream.range(from, to)
                            .mapToObj(i -> allocator.allocate(region, "KZ-PLATE-BULK-" + region + "-" + i)).toList()));
                }
            }
            for (Future<List<Plate>> batch : batches) {
                given.addAll(batch.get());
            }
        }
        long millis = (System.nanoTime() - started) / 1_000_000;
        System.out.printf("plates: %d allocations in %d regions through PostgreSQL in %d ms (%.0f per second)%n",
                given.size(), regions.size(), millis, given.size() * 1000.0 / millis);

        assertThat(given).hasSize(regions.size() * perRegion);
        assertThat(new HashSet<>(given)).hasSameSizeAs(given);
        assertThat(given).allSatisfy(plate -> assertThat(rules.isGivable(plate.number())).as(plate.number()).isTrue());

        record Row(String region, String number, long position) {}
        Map<String, List<Row>> byRegion = db.sql("""
                        select region_code, number, sequence_position from plate_number
                         where application_number like 'KZ-PLATE-BULK-%'""")
                .query((rs, n) -> new Row(rs.getString(1), rs.getString(2), rs.getLong(3))).stream()
                .collect(Collectors.groupingBy(Row::region));
        assertThat(byRegion.keySet()).containsExactlyInAnyOrderElementsOf(regions);
        PlateProperties config = PlateConfigs.fromApplicationYml();
        for (var region : byRegion.entrySet()) {
            SequenceAudit audit = new SequenceAudit(config.alphabet(), PlateConfigs.DOMAIN_HIGH_DEMAND,
                    Set.copyOf(config.bannedLetters()), config.order(), region.getKey());
            List<Row> rows = region.getValue().stream().sorted(Comparator.comparingLong(Row::position)).toList();
            // Given in the configured order, position by position, whichever thread asked.
            rows.forEach(row -> {
                audit.check(row.number());
                assertThat(row.number()).isEqualTo(sequence.designation(row.position(), row.region()));
            });
            assertThat(rows).hasSize(perRegion);
        }
    }

    private long nextPosition(String region) {
        return db.sql("select next_position from plate_counter where region_code = ?").param(region)
                .query(Long.class).optional().orElse(0L);
    }
}
