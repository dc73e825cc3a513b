package kz.tirkeu.notification;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

class DispatcherScheduleTest {

    @Test
    void itPollsInTheBackgroundSurvivesAFailedPollAndStopsWhenTold() throws InterruptedException {
        AtomicInteger polls = new AtomicInteger();
        CountDownLatch threePolls = new CountDownLatch(3);
        DispatcherSchedule schedule = new DispatcherSchedule(() -> {
            threePolls.countDown();
            if (polls.incrementAndGet() == 1) {
                throw new IllegalStateException("database briefly away");
            }
            return 0;
        }, new NotificationProperties.Dispatcher(true, Duration.ofMillis(10), 50, Duration.ofSeconds(5)));

        schedule.start();
        boolean polled = threePolls.await(10, TimeUnit.SECONDS);
        schedule.stop();
        int afterStop = polls.get();

        assertThat(polled).isTrue();
        assertThat(schedule.isRunning()).isFalse();
        // Stopped means stopped: joined, so no poll can still be under way.
        assertThat(polls.get()).isEqualTo(afterStop);
    }

    @Test
    void aDisabledScheduleNeverPolls() {
        AtomicInteger polls = new AtomicInteger();
        DispatcherSchedule schedule = new DispatcherSchedule(polls::incrementAndGet,
                new NotificationProperties.Dispatcher(false, Duration.ofMillis(10), 50, Duration.ofSeconds(5)));

        schedule.start();

        assertThat(schedule.isRunning()).isFalse();
        assertThat(polls.get()).isZero();
    }
}
