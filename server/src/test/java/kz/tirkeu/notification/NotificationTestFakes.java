package kz.tirkeu.notification;

import java.time.Instant;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

/** The clock and МБГ of the notification tests, in place of the real ones. */
@TestConfiguration(proxyBeanMethods = false)
class NotificationTestFakes {
    @Bean
    MutableClock testClock() {
        // Far ahead of the real clock: a server context of another test class, still cached with its
        // background dispatcher running on real time, then never finds these deliveries due.
        return new MutableClock(Instant.parse("2100-03-01T09:00:00Z"));
    }

    @Bean
    @Primary
    NotificationClock testNotificationClock(MutableClock clock) {
        return new NotificationClock(clock);
    }

    @Bean
    @Primary
    ScriptedMobileCitizensBase scriptedMobileCitizensBase() {
        return new ScriptedMobileCitizensBase();
    }
}
