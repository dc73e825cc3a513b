package kz.tirkeu.sandbox.documents;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

/** A code older than five minutes shows nothing. */
class DigitalDocumentsTest {

    @Test
    void aCodeExpiresAfterFiveMinutes() {
        Instant[] now = {Instant.parse("2026-11-22T10:00:00Z")};
        Clock clock = new Clock() {
            @Override
            public Instant instant() {
                return now[0];
            }

            @Override
            public ZoneId getZone() {
                return ZoneOffset.UTC;
            }

            @Override
            public Clock withZone(ZoneId zone) {
                return this;
            }
        };
        DigitalDocuments documents = new DigitalDocuments(clock);
        String fresh = documents.share("900314312346").code();
        String stale = documents.share("900314312346").code();

        now[0] = now[0].plusSeconds(299);
        assertThat(documents.redeem(fresh)).isPresent();
        now[0] = now[0].plusSeconds(1);
        assertThat(documents.redeem(stale)).isEmpty();
    }
}
