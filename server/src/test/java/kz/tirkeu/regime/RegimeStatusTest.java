package kz.tirkeu.regime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** A regime's status follows from its decisions and its term alone; the term's bounds are Kazakhstan's midnights. */
class RegimeStatusTest {

    private static final LocalDate START = LocalDate.of(2025, 10, 9);
    private static final LocalDate END = LocalDate.of(2026, 8, 31);

    @Test
    void anEstablishedRegimeIsActiveThroughItsLastDayAndTerminatedFromTheMidnightAfterItInAlmaty() {
        Regime regime = regime(decision(1, DecisionKind.PROPOSED, "2024-10-14T00:00:00Z"), decision(2, DecisionKind.ESTABLISHED, "2025-10-01T00:00:00Z"));
        Instant midnight = Instant.parse("2026-08-31T19:00:00Z"); // 1 September 2026, 00:00 in Astana and Almaty (UTC+5)

        assertThat(regime.statusAt(midnight.minusSeconds(1))).isEqualTo(RegimeStatus.ACTIVE);
        assertThat(regime.statusAt(midnight)).isEqualTo(RegimeStatus.TERMINATED);
        assertThat(regime.expiredAt(midnight)).isTrue();
        assertThat(regime.statusAt(Instant.parse("2026-12-03T10:00:00Z"))).isEqualTo(RegimeStatus.TERMINATED);
        assertThat(regime.statusAt(Instant.parse("2025-10-08T18:59:59Z"))).as("before its first day").isEqualTo(RegimeStatus.ESTABLISHED);
        assertThat(regime.statusAt(Instant.parse("2025-01-01T00:00:00Z"))).as("before it was established").isEqualTo(RegimeStatus.PROPOSED);
    }

    @Test
    void aSuspensionHoldsUntilResumedAndATerminationIsFinal() {
        Regime regime = regime(decision(1, DecisionKind.PROPOSED, "2024-10-14T00:00:00Z"), decision(2, DecisionKind.ESTABLISHED, "2025-10-09T00:00:00Z"),
                decision(3, DecisionKind.SUSPENDED, "2026-01-10T00:00:00Z"), decision(4, DecisionKind.RESUMED, "2026-02-01T00:00:00Z"),
                decision(5, DecisionKind.TERMINATED, "2026-03-01T00:00:00Z"));

        assertThat(regime.statusAt(Instant.parse("2026-01-09T00:00:00Z"))).isEqualTo(RegimeStatus.ACTIVE);
        assertThat(regime.statusAt(Instant.parse("2026-01-20T00:00:00Z"))).isEqualTo(RegimeStatus.SUSPENDED);
        assertThat(regime.statusAt(Instant.parse("2026-02-10T00:00:00Z"))).isEqualTo(RegimeStatus.ACTIVE);
        assertThat(regime.statusAt(Instant.parse("2026-03-02T00:00:00Z"))).isEqualTo(RegimeStatus.TERMINATED);
        assertThat(regime.expiredAt(Instant.parse("2026-03-02T00:00:00Z"))).as("terminated by a decision, not by expiry").isFalse();
    }

    @Test
    void aTermIsOneToFiveYearsAsArticle52Says() {
        new Term(LocalDate.of(2027, 1, 1), LocalDate.of(2027, 12, 31)).checkLength();
        new Term(LocalDate.of(2027, 1, 1), LocalDate.of(2031, 12, 31)).checkLength();
        assertThatThrownBy(() -> new Term(LocalDate.of(2027, 1, 1), LocalDate.of(2027, 12, 30)).checkLength())
                .isInstanceOf(InvalidRegime.class).extracting(e -> ((InvalidRegime) e).code()).isEqualTo("TERM_OUT_OF_BOUNDS");
        assertThatThrownBy(() -> new Term(LocalDate.of(2027, 1, 1), LocalDate.of(2032, 1, 1)).checkLength())
                .isInstanceOf(InvalidRegime.class).extracting(e -> ((InvalidRegime) e).code()).isEqualTo("TERM_OUT_OF_BOUNDS");
        assertThatThrownBy(() -> new Term(LocalDate.of(2027, 1, 1), LocalDate.of(2026, 1, 1))).isInstanceOf(InvalidRegime.class);
        assertThat(new Term(START, END).expiresAt()).isEqualTo(Instant.parse("2026-08-31T19:00:00Z"));
    }

    private static Regime regime(Decision... decisions) {
        RegimeParameters parameters = new RegimeParameters(LocalizedText.of("k", "r", "e"), List.of(), null, null, SpecialRules.pilot(),
                new Term(START, END), RegimeParameters.REGIONS, List.of(), null, null, null, null, false);
        return new Regime("test", false, Map.of(1, parameters), List.of(decisions));
    }

    private static Decision decision(int seq, DecisionKind kind, String effective) {
        return new Decision(UUID.randomUUID(), "test", seq, kind, 1, Instant.parse(effective), Instant.parse(effective), "test", Optional.empty(),
                null, false, Optional.empty());
    }
}
