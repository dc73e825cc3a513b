package kz.tirkeu.pki.validation;

import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import kz.tirkeu.pki.cert.KzCertificate;
import kz.tirkeu.pki.revocation.RevocationEvidence;

/**
 * The validation of one signer.
 *
 * @param claimedSigningTime the signing-time attribute: what the signer says, not proof
 * @param timeStamp          the signature time-stamp's time: proof the signature existed then (POE)
 * @param chain              signer first, trust anchor last, when a chain was found
 * @param revocationEvidence the OCSP responses and CRLs the revocation checks rested on
 */
public record SignerReport(
        Indication indication,
        Optional<SubIndication> subIndication,
        String message,
        Optional<KzCertificate> signer,
        Optional<Instant> claimedSigningTime,
        Optional<Instant> timeStamp,
        List<X509Certificate> chain,
        List<Check> checks,
        List<RevocationEvidence> revocationEvidence) {

    public boolean passed() {
        return indication == Indication.PASSED;
    }
}
