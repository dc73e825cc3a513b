package kz.tirkeu.sandbox.persona;

/**
 * An identity document a person holds (удостоверение личности, паспорт), as ГБД ФЛ records it: what the PSC's
 * reception asks to see (P8–P9) and what the digital documents service shares.
 *
 * @param type       {@code ID_CARD} or {@code PASSPORT}
 * @param issuedAt   {@code YYYY-MM-DD}
 * @param validUntil {@code YYYY-MM-DD}
 */
public record IdentityDocument(String type, String number, String issuedAt, String validUntil, String issuer) {

    /** How the page shows it: "040000123 (ID_CARD)". */
    String shortForm() {
        return number + " (" + type + ")";
    }
}
