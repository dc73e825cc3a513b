package kz.tirkeu.application;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import kz.tirkeu.statesystems.PaymentGateway;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The duties and fees of S17 as coefficients of the monthly calculation index (MRP) in force on the
 * payment date (DOMAIN.md §5.3): primary registration 0.25 MRP for a car up to 2 years old, 50 MRP for
 * 2–3 years, 500 MRP over 3; the registration certificate 1.25 MRP; plates 2.8 MRP. All configurable.
 */
@Component
class Fees {

    private final Map<Integer, Long> mrpByYear;
    private final BigDecimal registrationNew;
    private final BigDecimal registrationMiddle;
    private final BigDecimal registrationOld;
    private final BigDecimal certificate;
    private final BigDecimal plates;

    Fees(@Value("#{${tirkeu.fees.mrp-by-year:{2025: 3932, 2026: 4325}}}") Map<Integer, Long> mrpByYear,
         @Value("${tirkeu.fees.registration-up-to-2-years:0.25}") BigDecimal registrationNew,
         @Value("${tirkeu.fees.registration-2-to-3-years:50}") BigDecimal registrationMiddle,
         @Value("${tirkeu.fees.registration-over-3-years:500}") BigDecimal registrationOld,
         @Value("${tirkeu.fees.certificate:1.25}") BigDecimal certificate,
         @Value("${tirkeu.fees.plates:2.8}") BigDecimal plates) {
        this.mrpByYear = Map.copyOf(mrpByYear);
        this.registrationNew = registrationNew;
        this.registrationMiddle = registrationMiddle;
        this.registrationOld = registrationOld;
        this.certificate = certificate;
        this.plates = plates;
    }

    List<PaymentGateway.Item> of(int vehicleYear, LocalDate paymentDate) {
        long mrp = mrpByYear.entrySet().stream().filter(e -> e.getKey() <= paymentDate.getYear())
                .max(Map.Entry.comparingByKey()).map(Map.Entry::getValue)
                .orElseThrow(() -> new IllegalStateException("no MRP configured for " + paymentDate.getYear()));
        int age = paymentDate.getYear() - vehicleYear;
        BigDecimal registration = age <= 2 ? registrationNew : age <= 3 ? registrationMiddle : registrationOld;
        return List.of(
                new PaymentGateway.Item("REGISTRATION_FEE", "Primary state registration (" + registration + " MRP × " + mrp + ")", kzt(registration, mrp)),
                new PaymentGateway.Item("CERTIFICATE_FEE", "Registration certificate (" + certificate + " MRP)", kzt(certificate, mrp)),
                new PaymentGateway.Item("PLATE_FEE", "State registration plates (" + plates + " MRP)", kzt(plates, mrp)));
    }

    private static long kzt(BigDecimal coefficient, long mrp) {
        return coefficient.multiply(BigDecimal.valueOf(mrp)).setScale(0, RoundingMode.HALF_UP).longValueExact();
    }
}
