package kz.tirkeu.registry.plates;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.LongRange;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The plate numbers a region is given, over millions of positions: every one well-formed, allowed by
 * DOMAIN.md §5.2, never given twice, in the configured order, and none allowed left out.
 */
class PlateNumberSequencePropertiesTest {

    private static final PlateProperties SERVER = PlateConfigs.fromApplicationYml();

    @Example
    void theServersListsAreThoseOfTheDomain() {
        assertThat(SERVER.highDemandDigits().stream().map(Integer::valueOf).toList())
                .containsExactlyInAnyOrderElementsOf(PlateConfigs.DOMAIN_HIGH_DEMAND);
        assertThat(SERVER.regions()).containsExactlyElementsOf(PlateConfigs.ALL_REGIONS);
        assertThat(SERVER.order()).isEqualTo(PlateOrder.SERIES_MAJOR);
    }

    /** A whole region of the server's configuration, in both orders: over 11 million numbers each. */
    @Example
    void everyNumberOfARegionIsGivenOnceAndNoneForbidden() {
        for (PlateOrder order : PlateOrder.values()) {
            PlateNumberSequence sequence = new PlateNumberSequence(new PlateRules(SERVER), order);
            SequenceAudit audit = new SequenceAudit(SERVER.alphabet(), PlateConfigs.DOMAIN_HIGH_DEMAND,
                    Set.copyOf(SERVER.bannedLetters()), order, "02");
            long started = System.nanoTime();
            for (long position = 0; position < sequence.size(); position++) {
                audit.check(sequence.designation(position, "02"));
            }
            System.out.printf("plates: %s, %d designations of region 02 checked in %d ms%n",
                    order, audit.checked(), (System.nanoTime() - started) / 1_000_000);
            assertThat(audit.checked()).isGreaterThan(1_000_000).isEqualTo(audit.allowedCount());
            assertThatThrownBy(() -> sequence.designation(sequence.size(), "02"))
                    .isInstanceOf(IndexOutOfBoundsException.class);
        }
    }

    @Example
    void theServersSequenceStartsAsConfigured() {
        PlateNumberSequence series = new PlateNumberSequence(new PlateRules(SERVER), PlateOrder.SERIES_MAJOR);
        assertThat(List.of(series.designation(0, "02"), series.designation(1, "02"), series.designation(2, "02")))
                .containsExactly("011 AAB 02", "012 AAB 02", "013 AAB 02");
        PlateNumberSequence digits = new PlateNumberSequence(new PlateRules(SERVER), PlateOrder.DIGITS_MAJOR);
        assertThat(List.of(digits.designation(0, "17"), digits.designation(1, "17"), digits.designation(2, "17")))
                .containsExactly("011 AAB 17", "011 AAC 17", "011 AAD 17");
    }

    @Property(tries = 2000)
    void aPositionAndItsDesignationCorrespond(@ForAll @LongRange(min = 0, max = 11_000_000) long position) {
        for (PlateOrder order : PlateOrder.values()) {
            PlateNumberSequence sequence = new PlateNumberSequence(new PlateRules(SERVER), order);
            String designation = sequence.designation(position, "05");
            assertThat(sequence.positionOf(designation)).isEqualTo(position);
        }
    }

    /** Any valid configuration, small enough to walk whole: the same guarantees hold. */
    @Property(tries = 150)
    void anyConfigurationGivesEveryAllowedNumberOnce(@ForAll("configurations") PlateProperties config) {
        SequenceAudit audit = new SequenceAudit(config.alphabet(),
                Set.copyOf(config.highDemandDigits().stream().map(Integer::valueOf).toList()),
                Set.copyOf(config.bannedLetters()), config.order(), "17");
        long allowed = audit.allowedCount();
        if (allowed == 0) {
            assertThatThrownBy(() -> new PlateNumberSequence(new PlateRules(config), config.order()))
                    .hasMessageContaining("forbid every plate number");
            return;
        }
        PlateNumberSequence sequence = new PlateNumberSequence(new PlateRules(config), config.order());
        for (long position = 0; position < sequence.size(); position++) {
            String designation = sequence.designation(position, "17");
            audit.check(designation);
            assertThat(sequence.positionOf(designation)).isEqualTo(position);
        }
        assertThat(audit.checked()).isEqualTo(allowed);
    }

    @Provide
    Arbitrary<PlateProperties> configurations() {
        Arbitrary<String> alphabets = Arbitraries.chars().range('A', 'Z').list().uniqueElements().ofMinSize(2).ofMaxSize(5)
                .map(letters -> letters.stream().map(String::valueOf).reduce("", String::concat));
        return alphabets.flatMap(alphabet -> Combinators.combine(
                Arbitraries.integers().between(0, 999).set().ofMaxSize(200)
                        .map(set -> set.stream().filter(d -> d > 0).map(d -> "%03d".formatted(d)).toList()),
                Arbitraries.strings().withChars(alphabet.toCharArray()).ofLength(3).list().ofMaxSize(12)
                        .map(list -> List.copyOf(new HashSet<>(list))),
                Arbitraries.of(PlateOrder.class))
                .as((highDemand, banned, order) -> PlateConfigs.with(alphabet, highDemand, banned, List.of(), order)));
    }
}
