package kz.tirkeu.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class BackgroundLoopTest {

    @Test
    void aBacklogDrainsAtOnceAndThenTheLoopWaitsForTheInterval() {
        AtomicInteger rounds = new AtomicInteger();
        // Three full batches of 10, then the queue is empty; the interval is an hour, so only draining explains 4 rounds.
        BackgroundLoop loop = new BackgroundLoop("test-queue", Duration.ofHours(1), 10, Duration.ofSeconds(5),
                () -> rounds.incrementAndGet() <= 3 ? 10 : 0);
        loop.start();
        try {
            await().atMost(Duration.ofSeconds(10)).until(() -> rounds.get() >= 4);
            assertThat(rounds.get()).as("after the empty round it waits for the interval").isEqualTo(4);
        } finally {
            loop.stop();
        }
        assertThat(loop.running()).isFalse();
    }

    @Test
    void aFailedRoundIsFollowedByTheNextOne() {
        AtomicInteger rounds = new AtomicInteger();
        BackgroundLoop loop = new BackgroundLoop("test-failing", Duration.ofMillis(20), 10, Duration.ofSeconds(5), () -> {
            if (rounds.incrementAndGet() == 1) {
                throw new IllegalStateException("database briefly away");
            }
            return 0;
        });
        loop.start();
        try {
            await().atMost(Duration.ofSeconds(10)).until(() -> rounds.get() >= 3);
        } finally {
            loop.stop();
        }
    }
}
