package kz.tirkeu.notification;

import java.time.Instant;
import kz.tirkeu.testing.TestClock;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

/** The clock and МБГ of the notification tests, in place of the real ones. */
@TestConfiguration(proxyBeanMethods = false)
class NotificationTestFakes {
    @Bean
    TestClock testClock() {
        // Far ahead of the real clock: a server context of another test class, still cached with its
        // background dispatcher running on real time, then never finds these deliveries due.
        return TestClock.standingAt(Instant.parse("2100-03-01T09:00:00Z"));
    }

    @Bean
    @Primary
    NotificationClock testNotificationClock(TestClock clock) {
        return new NotificationClock(clock);
    }

    @Bean
    @Primary
    ScriptedMobileCitizensBase scriptedMobileCitizensBase() {
        return new ScriptedMobileCitizensBase();
    }
}
