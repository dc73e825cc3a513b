package kz.tirkeu.statesystems;

import java.time.LocalDate;

/** КГД: whether customs payments for the vehicle were paid (S4). */
public interface CustomsPayments {

    Answer<CustomsPayment> find(Vin vin);

    record CustomsPayment(String vin, boolean paid, String declarationNumber, LocalDate declarationDate, Long amountKzt) {}
}
