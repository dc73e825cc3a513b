package kz.tirkeu.notification;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.junit.jupiter.api.Test;

class RetryPolicyTest {

    private static final NotificationProperties.Retry SETTINGS =
            new NotificationProperties.Retry(Duration.ofSeconds(10), 2.0, Duration.ofHours(1), 0.2, 5);

    @Test
    void theWaitDoublesUpToTheMaximum() {
        RetryPolicy middle = new RetryPolicy(SETTINGS, () -> 0.5);

        assertThat(middle.delayAfter(1)).isEqualTo(Duration.ofSeconds(10));
        assertThat(middle.delayAfter(2)).isEqualTo(Duration.ofSeconds(20));
        assertThat(middle.delayAfter(3)).isEqualTo(Duration.ofSeconds(40));
        assertThat(middle.delayAfter(20)).isEqualTo(Duration.ofHours(1));
        assertThat(middle.delayAfter(10_000)).isEqualTo(Duration.ofHours(1));
    }

    @Test
    void jitterSpreadsTheWaitByAtMostItsFraction() {
        assertThat(new RetryPolicy(SETTINGS, () -> 0.0).delayAfter(2)).isEqualTo(Duration.ofSeconds(16));
        assertThat(new RetryPolicy(SETTINGS, () -> 0.999_999).delayAfter(2)).isBetween(Duration.ofMillis(23_999), Duration.ofSeconds(24));
        RetryPolicy random = new RetryPolicy(SETTINGS);
        for (int i = 0; i < 1000; i++) {
            assertThat(random.delayAfter(1)).isBetween(Duration.ofSeconds(8), Duration.ofSeconds(12));
        }
    }

    @Test
    void theDeliveryIsGivenUpAfterMaxAttempts() {
        RetryPolicy policy = new RetryPolicy(SETTINGS);

        assertThat(policy.exhausted(4)).isFalse();
        assertThat(policy.exhausted(5)).isTrue();
    }
}
