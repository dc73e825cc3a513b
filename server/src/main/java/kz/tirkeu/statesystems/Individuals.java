package kz.tirkeu.statesystems;

import java.time.LocalDate;
import java.util.List;
import kz.tirkeu.pki.identity.Iin;

/** ГБД ФЛ: the buyer's current status and personal data (S7, S11; identity documents at the PSC, P8). */
public interface Individuals {

    Answer<Individual> find(Iin iin);

    record Individual(String iin, String surname, String name, String patronymic, LocalDate birthDate, String sex, String lifeStatus,
                      Address address, List<IdentityDocument> documents) {
        public Individual {
            documents = documents == null ? List.of() : List.copyOf(documents);
        }

        /** Only "normal" may buy (DOMAIN.md §5.9): not deceased, missing or incapacitated. */
        public boolean eligible() {
            return "NORMAL".equals(lifeStatus);
        }

        public String fullName() {
            return String.join(" ", surname, name, patronymic == null ? "" : patronymic).strip();
        }
    }

    record Address(String regionCode, String region, String locality, String street, String house, String flat) {}

    record IdentityDocument(String type, String number, LocalDate issuedAt, LocalDate validUntil, String issuer) {}
}
