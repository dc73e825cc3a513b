package kz.tirkeu.statesystems;

import java.time.LocalDate;
import java.util.List;
import kz.tirkeu.pki.identity.Bin;
import kz.tirkeu.pki.identity.Iin;

/** e-contracts: the signed sale-purchase contract between the seller and the buyer for the VIN (S8, S13). */
public interface SaleContracts {

    Answer<SaleContract> find(Vin vin, Bin seller, Iin buyer);

    record SaleContract(String number, LocalDate date, String vin, String sellerBin, String buyerIin, long priceKzt, String status,
                        List<Signature> signatures) {
        public SaleContract {
            signatures = signatures == null ? List.of() : List.copyOf(signatures);
        }
    }

    record Signature(String party, java.time.Instant signedAt) {}
}
