package kz.tirkeu.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class BackoffTest {

    final Backoff backoff = new Backoff(Duration.ofSeconds(5), Duration.ofMinutes(5));

    @Test
    void waitsDoubleFromTheFirstUpToTheLongestWithAtMostAFifthMore() {
        for (int failed = 0; failed < 40; failed++) {
            Duration expected = Duration.ofSeconds(5).multipliedBy(1L << Math.min(failed, 16));
            expected = expected.compareTo(Duration.ofMinutes(5)) > 0 ? Duration.ofMinutes(5) : expected;
            Duration wait = backoff.after(failed, Optional.empty());
            assertThat(wait).isBetween(expected, expected.plus(expected.dividedBy(5)));
        }
    }

    @Test
    void aRetryAfterWithinTheBoundsIsHonouredAndOneOutsideIsNot() {
        assertThat(backoff.after(0, Optional.of(Duration.ofSeconds(42)))).isEqualTo(Duration.ofSeconds(42));
        assertThat(backoff.after(0, Optional.of(Duration.ofHours(3)))).isLessThanOrEqualTo(Duration.ofSeconds(6));
        assertThat(backoff.after(0, Optional.of(Duration.ofSeconds(1)))).isGreaterThanOrEqualTo(Duration.ofSeconds(5));
    }
}
