package kz.tirkeu.pki.testing;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/** The system clock moved by an adjustable offset: lets a test sign or time-stamp "ten minutes ago". */
public final class ShiftedClock extends Clock {
    private volatile Duration offset = Duration.ZERO;

    public void shift(Duration offset) {
        this.offset = offset;
    }

    public void reset() {
        this.offset = Duration.ZERO;
    }

    @Override
    public Instant instant() {
        return Instant.now().plus(offset);
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
