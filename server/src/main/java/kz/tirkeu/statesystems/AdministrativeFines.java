package kz.tirkeu.statesystems;

import java.time.LocalDate;
import java.util.List;
import kz.tirkeu.pki.identity.Iin;

/** ЕРАП: the buyer's unpaid administrative fines (S14). */
public interface AdministrativeFines {

    Answer<UnpaidFines> unpaid(Iin iin);

    record UnpaidFines(String iin, List<Fine> unpaid, long totalUnpaidKzt) {
        public UnpaidFines {
            unpaid = unpaid == null ? List.of() : List.copyOf(unpaid);
        }
    }

    record Fine(String protocolNumber, String article, String description, long amountKzt, LocalDate issuedAt, LocalDate dueAt) {}
}
