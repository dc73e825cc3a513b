package kz.tirkeu.registry.certificate;

import java.time.Instant;
import java.util.Optional;

/**
 * A certificate as the register holds it, without its document bytes (those are read only when served).
 * Make, model, year and plate are copies of what the signed document states, kept for lists and the
 * public page; the document remains the authority.
 */
public record StoredCertificate(CertificateNumber number, String applicationNumber, String verificationCode, String ownerIin,
                                String plateNumber, String make, String model, int vehicleYear, String issuingUnit, Instant issuedAt,
                                CertificateStatus status, Optional<String> statusReason, Optional<Instant> statusChangedAt) {

    public boolean valid() {
        return status == CertificateStatus.VALID;
    }
}
