package kz.tirkeu.statesystems;

import java.time.LocalDate;

/** «Жасыл даму»: whether the recycling fee was paid or the vehicle is exempt, where and when (S5). */
public interface RecyclingFees {

    Answer<RecyclingFee> find(Vin vin);

    record RecyclingFee(String vin, String status, LocalDate paidAt, String paidIn, String documentNumber, Long amountKzt) {

        public boolean settled() {
            return "PAID".equals(status) || "EXEMPT".equals(status);
        }
    }
}
