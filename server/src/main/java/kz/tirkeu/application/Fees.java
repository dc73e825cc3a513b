package kz.tirkeu.application;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import kz.tirkeu.statesystems.PaymentGateway;
import org.springframework.stereotype.Component;

/**
 * The duties and fees of S17 as coefficients of the monthly calculation index (MRP) in force on the
 * payment date (DOMAIN.md §5.3): primary registration 0.25 MRP for a car up to 2 years old, 50 MRP for
 * 2–3 years, 500 MRP over 3; the registration certificate 1.25 MRP; plates 2.8 MRP. All configurable ({@link FeeProperties}).
 */
@Component
class Fees {

    private final Map<Integer, Long> mrpByYear;
    private final BigDecimal registrationNew;
    private final BigDecimal registrationMiddle;
    private final BigDecimal registrationOld;
    private final BigDecimal certificate;
    private final BigDecimal plates;

    Fees(FeeProperties properties) {
        this.mrpByYear = properties.mrpByYear();
        this.registrationNew = properties.registrationUpTo2Years();
        this.registrationMiddle = properties.registration2To3Years();
        this.registrationOld = properties.registrationOver3Years();
        this.certificate = properties.certificate();
        this.plates = properties.plates();
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
