package kz.tirkeu.testing;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * The platform's one clock in tests, which a test moves forward instead of waiting (expiry, idle timeouts, locks,
 * backoff, production polling). By default it runs with real time plus the offset the test has added, so a server
 * shared by many test classes keeps working; {@link #standingAt(Instant)} gives one that moves only when a test moves
 * it, for tests that compare exact instants (a backoff's due time).
 */
public final class TestClock extends Clock {

    /** Where a standing clock is before any move; null: real time. */
    private final Instant standingAt;
    private Duration offset = Duration.ZERO;

    public TestClock() {
        this(null);
    }

    private TestClock(Instant standingAt) {
        this.standingAt = standingAt;
    }

    /** A clock that shows {@code start} until a test moves it. */
    public static TestClock standingAt(Instant start) {
        return new TestClock(start);
    }

    public synchronized void advance(Duration by) {
        offset = offset.plus(by);
    }

    /** Moves to {@code instant} if it is later than now; time never goes back for the other tests. */
    public synchronized void advanceTo(Instant instant) {
        Instant now = instant();
        if (instant.isAfter(now)) {
            offset = offset.plus(Duration.between(now, instant));
        }
    }

    /** Back to no offset (a standing clock: back to its start), after a test that moved it. */
    public synchronized void reset() {
        offset = Duration.ZERO;
    }

    @Override
    public synchronized Instant instant() {
        return (standingAt == null ? Instant.now() : standingAt).plus(offset);
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
