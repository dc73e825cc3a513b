package kz.tirkeu.application;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

/** The fee settings keep the names operators have always written (tirkeu.fees.registration-up-to-2-years …). */
class FeePropertiesTest {

    private static FeeProperties bind(Map<String, String> settings) {
        return new Binder(new MapConfigurationPropertySource(settings)).bindOrCreate("tirkeu.fees", FeeProperties.class);
    }

    @Test
    void theDefaultsAreThoseOfDomainMd() {
        FeeProperties fees = bind(Map.of());
        assertThat(fees.registrationUpTo2Years()).isEqualByComparingTo("0.25");
        assertThat(fees.registrationOver3Years()).isEqualByComparingTo("500");
        assertThat(fees.mrpByYear()).containsEntry(2026, 4325L);
    }

    @Test
    void theDocumentedKeysBind() {
        FeeProperties fees = bind(Map.of("tirkeu.fees.registration-up-to-2-years", "0.5", "tirkeu.fees.registration-2-to-3-years", "60",
                "tirkeu.fees.registration-over-3-years", "600", "tirkeu.fees.mrp-by-year.2027", "4500"));
        assertThat(fees.registrationUpTo2Years()).isEqualByComparingTo(new BigDecimal("0.5"));
        assertThat(fees.registration2To3Years()).isEqualByComparingTo("60");
        assertThat(fees.registrationOver3Years()).isEqualByComparingTo("600");
        assertThat(fees.mrpByYear()).containsExactlyEntriesOf(Map.of(2027, 4500L));
    }
}
