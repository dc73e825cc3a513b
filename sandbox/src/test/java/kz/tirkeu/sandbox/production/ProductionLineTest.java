package kz.tirkeu.sandbox.production;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Items move on by themselves as their stages' delays pass, and the time each stage was reached is when it was due. */
class ProductionLineTest {

    static final class MovableClock extends Clock {
        Instant now = Instant.parse("2026-11-22T10:00:00Z");

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }
    }

    /**
     * Issue [11]: a restarted print centre started counting again, so a second car got card blank KZ10000001. A line made
     * afresh (a restart, or a second sandbox in the JVM) never gives a number an earlier one gave, and numbers start beyond
     * what a run since 2026 could have reached.
     */
    @Test
    void aLineMadeAfreshNeverRepeatsANumber() {
        List<String> stages = List.of("QUEUED", "PRINTED");
        List<Duration> delays = List.of(Duration.ofSeconds(1));
        ProductionLine before = new ProductionLine(stages, delays, "PJ-", Clock.systemUTC());
        long first = ProductionLine.serialOf(before.submit("02AB000001", "ALM-01", Map.of()).item());
        ProductionLine restarted = new ProductionLine(stages, delays, "PJ-", Clock.systemUTC());

        long again = ProductionLine.serialOf(restarted.submit("02AB000001", "ALM-01", Map.of()).item());

        assertThat(again).isNotEqualTo(first);
        long hundredPerSecondSince2026 = (Instant.now().getEpochSecond() - Instant.parse("2026-01-01T00:00:00Z").getEpochSecond()) * 100 - 100;
        assertThat(first).as("not from 1").isGreaterThan(Math.min(hundredPerSecondSince2026, 1_000_000_000L));
    }

    @Test
    void stagesPassWithTime() {
        MovableClock clock = new MovableClock();
        ProductionLine line = new ProductionLine(List.of("QUEUED", "PRINTED", "DELIVERED_TO_PSC"),
                List.of(Duration.ofSeconds(10), Duration.ofSeconds(20)), "PJ-", clock);
        String id = line.submit("02AB1", "ALM-01", Map.of()).item().id();

        clock.now = clock.now.plusSeconds(9);
        assertThat(line.status(line.find(id).orElseThrow())).isEqualTo("QUEUED");
        clock.now = clock.now.plusSeconds(1);
        assertThat(line.status(line.find(id).orElseThrow())).isEqualTo("PRINTED");
        // Both remaining stages at once, when the tester looks late: delivered 20 s after printing, not when looked at.
        clock.now = clock.now.plusSeconds(100);
        ProductionLine.Item item = line.find(id).orElseThrow();
        assertThat(line.status(item)).isEqualTo("DELIVERED_TO_PSC");
        assertThat(line.reachedAt(item, "DELIVERED_TO_PSC")).isEqualTo(Instant.parse("2026-11-22T10:00:30Z"));
        assertThat(line.advance(id)).isEmpty();
    }

    @Test
    void zeroDelaysFinishAtOnce() {
        MovableClock clock = new MovableClock();
        ProductionLine line = new ProductionLine(List.of("ACCEPTED", "MADE", "AT_PSC"), List.of(Duration.ZERO, Duration.ZERO), "PO-", clock);
        assertThat(line.status(line.submit("123 ABC 02", "ALM-01", Map.of()).item())).isEqualTo("AT_PSC");
    }
}
