package kz.tirkeu.notification;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * The time the notification point goes by: due deliveries, backoff, leases and history all use it (not
 * the database's now()), so that a test can move time forward instead of sleeping. It is the application's
 * {@link Clock} bean if there is exactly one, else the system clock.
 */
@Component
class NotificationClock {

    private final Clock clock;

    @Autowired
    NotificationClock(ObjectProvider<Clock> clock) {
        this(clock.getIfUnique(Clock::systemUTC));
    }

    NotificationClock(Clock clock) {
        this.clock = clock;
    }

    Instant instant() {
        return clock.instant();
    }

    /** Now, as PostgreSQL's JDBC driver takes a timestamptz parameter. */
    OffsetDateTime timestamp() {
        return timestamp(instant());
    }

    OffsetDateTime timestamp(Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }

    static Instant instant(ResultSet row, String column) throws SQLException {
        OffsetDateTime value = row.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }
}
