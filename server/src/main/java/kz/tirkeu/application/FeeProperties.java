package kz.tirkeu.application;

import java.math.BigDecimal;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The duties and fees of S17 ({@code tirkeu.fees.*}), as coefficients of the monthly calculation index (MRP) in force
 * on the payment date (DOMAIN.md §5.3).
 *
 * @param mrpByYear           the MRP in tenge from each year on (a year not listed takes the latest before it);
 *                            default 2025: 3932, 2026: 4325
 * @param registrationUpTo2Years primary registration of a car up to 2 years old, in MRP
 * @param registration2To3Years  of a car 2–3 years old
 * @param registrationOver3Years of a car over 3 years old
 * @param certificate         the registration certificate, in MRP
 * @param plates              the state registration plates, in MRP
 */
@ConfigurationProperties("tirkeu.fees")
public record FeeProperties(
        Map<Integer, Long> mrpByYear,
        @DefaultValue("0.25") BigDecimal registrationUpTo2Years,
        @DefaultValue("50") BigDecimal registration2To3Years,
        @DefaultValue("500") BigDecimal registrationOver3Years,
        @DefaultValue("1.25") BigDecimal certificate,
        @DefaultValue("2.8") BigDecimal plates) {

    public FeeProperties {
        mrpByYear = mrpByYear == null || mrpByYear.isEmpty() ? Map.of(2025, 3932L, 2026, 4325L) : Map.copyOf(new TreeMap<>(mrpByYear));
        for (var coefficient : new BigDecimal[] {registrationUpTo2Years, registration2To3Years, registrationOver3Years, certificate, plates}) {
            if (coefficient.signum() < 0) {
                throw new IllegalArgumentException("tirkeu.fees: a fee is never negative, not " + coefficient);
            }
        }
    }
}
