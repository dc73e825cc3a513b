package kz.tirkeu.issuance.production;

import java.util.List;

/** Makes the state registration plates (ГРНЗ) and delivers them to the PSC. */
public interface PlateMaker {

    /** Orders the plates; the same plate number again is the same order. */
    ExternalReply<PlateOrder> order(String plateNumber, String plateType, String pscCode);

    ExternalReply<PlateOrder> status(String orderId);

    /** @param status ACCEPTED, MADE or AT_PSC; serials (front and rear) once made */
    record PlateOrder(String orderId, String plateNumber, String status, List<String> serials) {
        public PlateOrder {
            serials = serials == null ? List.of() : List.copyOf(serials);
        }
    }
}
