package kz.tirkeu.registry.plates;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Each rule of DOMAIN.md §5.2 on its own, with the server's configuration, and its checks at start-up. */
class PlateRulesTest {

    private static final PlateProperties SERVER = PlateConfigs.fromApplicationYml();
    private final PlateRules rules = new PlateRules(SERVER);

    @ParameterizedTest
    @ValueSource(strings = {"010", "020", "030", "040", "050", "060", "070", "077", "080", "090", "707", "100", "111",
            "200", "222", "300", "333", "400", "444", "500", "555", "600", "666", "700", "800", "888", "900", "999",
            "001", "002", "003", "004", "005", "006", "007", "008", "009", "777"})
    void aHighDemandDigitGroupIsNeverGivenWithAnyLetters(String digits) {
        assertThat(rules.isHighDemandDigits(Integer.parseInt(digits))).isTrue();
        assertThat(rules.isGivable(digits + " KZT 02")).isFalse();
        assertThat(rules.isGivable(digits + " BCD 17")).isFalse();
    }

    @Test
    void ordinaryDigitGroupsAreGivenButNeverZero() {
        assertThat(rules.isGivable("011 KZT 02")).isTrue();
        assertThat(rules.isGivable("778 KZT 02")).isTrue();
        assertThat(rules.isGivable("998 KZT 02")).isTrue();
        assertThat(rules.isGivable("000 KZT 02")).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"AAA", "BBB", "KKK", "ZZZ"})
    void threeIdenticalLettersAreNeverGiven(String letters) {
        assertThat(rules.isGivableSeries(letters)).isFalse();
        assertThat(rules.isGivable("123 " + letters + " 02")).isFalse();
    }

    @Test
    void twoIdenticalLettersAreGiven() {
        assertThat(rules.isGivable("123 AAB 02")).isTrue();
        assertThat(rules.isGivable("123 ABB 02")).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"HUY", "XUY", "XER", "PZD", "SEX", "ASS"})
    void aBannedCombinationIsNeverGiven(String letters) {
        assertThat(rules.isBanned(letters)).isTrue();
        assertThat(rules.isGivable("456 " + letters + " 02")).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"123 ABI 02", "123 OBC 02", "123 QRS 02"})
    void lettersOutsideTheAlphabetAreNeverGiven(String plate) {
        assertThat(rules.isGivable(plate)).isFalse();
    }

    @Test
    void aReservedPlateIsNeverGivenButTheSameLettersAndDigitsInAnotherRegionAre() {
        assertThat(rules.isHeldBack("123 ABC 02")).isTrue();
        assertThat(rules.isGivable("123 ABC 02")).isFalse();
        assertThat(rules.isGivable("123 ABC 03")).isTrue();
    }

    @Test
    void aPlateInStorageIsNeverGivenToAnotherOwner() {
        assertThat(PlateConfigs.fromApplicationYml().stored()).contains("011 AAC 02");
        assertThat(rules.isGivable("011 AAC 02")).isFalse();
        assertThat(rules.isGivable("011 AAC 03")).isTrue();
        assertThat(rules.isGivable("012 AAC 02")).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"123 ABC 00", "123 ABC 21", "123 ABC 2", "123ABC02", "123 abc 02", "12 ABC 02"})
    void malformedOrForeignDesignationsAreNotGivable(String plate) {
        assertThat(rules.isGivable(plate)).isFalse();
    }

    @Test
    void everyRegionOfTheDomainIsKnown() {
        PlateConfigs.ALL_REGIONS.forEach(region -> assertThat(rules.requireKnownRegion(region)).isEqualTo(region));
    }

    @ParameterizedTest
    @ValueSource(strings = {"00", "21", "2", "002", "ALM", ""})
    void anUnknownRegionIsRefusedByName(String region) {
        assertThatThrownBy(() -> rules.requireKnownRegion(region))
                .isInstanceOf(UnknownRegionException.class)
                .hasMessageContaining("'" + region + "'")
                .hasMessageContaining("[01, 02,");
    }

    @Test
    void noRegionIsRefused() {
        assertThatThrownBy(() -> rules.requireKnownRegion(null)).isInstanceOf(UnknownRegionException.class);
    }

    // --- configuration checked at start-up ---

    @Configuration(proxyBeanMethods = false)
    @EnableConfigurationProperties(PlateProperties.class)
    static class PlatesOnly {}

    private final ApplicationContextRunner startUp = new ApplicationContextRunner()
            .withUserConfiguration(PlatesOnly.class)
            .withPropertyValues("tirkeu.plates.regions=01,02", "tirkeu.plates.alphabet=ABC",
                    "tirkeu.plates.high-demand-digits=001,777");

    @Test
    void aValidConfigurationStarts() {
        startUp.withPropertyValues("tirkeu.plates.banned-letters=ABC", "tirkeu.plates.reserved=123 ABC 02",
                        "tirkeu.plates.order=DIGITS_MAJOR")
                .run(context -> {
                    assertThat(context).hasNotFailed();
                    PlateProperties properties = context.getBean(PlateProperties.class);
                    assertThat(properties.order()).isEqualTo(PlateOrder.DIGITS_MAJOR);
                    assertThat(properties.reserved()).containsExactly("123 ABC 02");
                });
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "tirkeu.plates.alphabet=AB1|alphabet may hold only Latin capital letters",
            "tirkeu.plates.alphabet=ABA|alphabet lists 'A' twice",
            "tirkeu.plates.alphabet=abc|alphabet may hold only Latin capital letters",
            "tirkeu.plates.alphabet=A|alphabet must have at least two letters",
            "tirkeu.plates.regions=1,02|regions: '1' is not a two-digit code",
            "tirkeu.plates.regions=02,02|regions lists a region twice",
            "tirkeu.plates.high-demand-digits=77|high-demand-digits: '77' is not three digits",
            "tirkeu.plates.banned-letters=XY|banned-letters: 'XY' is not three Latin capital letters",
            "tirkeu.plates.banned-letters=xyz|banned-letters: 'xyz' is not three Latin capital letters",
            "tirkeu.plates.reserved=123ABC02|reserved: '123ABC02' is not a full designation",
            "tirkeu.plates.reserved=123 ABC 05|reserved plate '123 ABC 05' is for region 05, which is not among regions",
            "tirkeu.plates.stored=011AAC02|stored: '011AAC02' is not a full designation",
            "tirkeu.plates.stored=011 AAC 07|stored plate '011 AAC 07' is for region 07, which is not among regions"})
    void aBadSettingStopsTheServerNamingTheKey(String settingAndMessage) {
        String[] parts = settingAndMessage.split("\\|");
        startUp.withPropertyValues(parts[0]).run(context -> {
            assertThat(context).hasFailed();
            assertThat(rootCause(context.getStartupFailure())).hasMessageContaining("tirkeu.plates." + parts[1]);
        });
    }

    @Test
    void anUnknownOrderStopsTheServer() {
        startUp.withPropertyValues("tirkeu.plates.order=RANDOM").run(context -> assertThat(context).hasFailed());
    }

    @Test
    void aConfigurationThatForbidsEveryNumberIsRefused() {
        PlateProperties everySeriesBanned = PlateConfigs.with("AB", List.of(), List.of("AAB", "ABA", "ABB", "BAA", "BAB", "BBA"),
                List.of(), PlateOrder.SERIES_MAJOR);
        assertThatThrownBy(() -> new PlateNumberSequence(new PlateRules(everySeriesBanned), PlateOrder.SERIES_MAJOR))
                .hasMessageContaining("forbid every plate number");
    }

    private static Throwable rootCause(Throwable failure) {
        Throwable cause = failure;
        while (cause.getCause() != null) {
            cause = cause.getCause();
        }
        return cause;
    }
}
