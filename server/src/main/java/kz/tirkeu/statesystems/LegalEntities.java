package kz.tirkeu.statesystems;

import java.time.LocalDate;
import java.util.List;
import kz.tirkeu.pki.identity.Bin;

/** ГБД ЮЛ: the seller's registration — name, status, activity codes (OKED) and head (S1). */
public interface LegalEntities {

    Answer<LegalEntity> find(Bin bin);

    /** @param legalAddress the registered address; its region places the dealer in a regime's territory (S1) */
    record LegalEntity(String bin, String name, String status, LocalDate registeredAt, List<Oked> okeds, Head head, Individuals.Address legalAddress) {
        public LegalEntity {
            okeds = okeds == null ? List.of() : List.copyOf(okeds);
        }

        public java.util.Optional<String> regionCode() {
            return java.util.Optional.ofNullable(legalAddress).map(Individuals.Address::regionCode).filter(code -> !code.isBlank());
        }

        public boolean active() {
            return "ACTIVE".equals(status);
        }
    }

    record Oked(String code, String name, boolean main) {}

    record Head(String iin, String name) {}
}
