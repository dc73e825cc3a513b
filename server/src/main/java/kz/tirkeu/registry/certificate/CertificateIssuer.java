package kz.tirkeu.registry.certificate;

import java.util.Optional;
import org.springframework.modulith.NamedInterface;

/**
 * Issues the registration certificate (S19): the СРТС series and number, and the digital certificate —
 * a signed digital document (issue 1's format) under the platform's own legal-entity key, time-stamped,
 * verifiable offline and on the public page.
 */
@NamedInterface("certificates")
public interface CertificateIssuer {

    /**
     * Issues the certificate of this application, or returns the one already issued (a retried
     * decision never makes a second certificate). Signs and time-stamps over the network: call it
     * outside any database transaction.
     */
    IssuedCertificate issue(CertificateRequest request);

    Optional<IssuedCertificate> ofApplication(String applicationNumber);

    /**
     * Annuls the application's certificate, if one was issued and is valid: a certificate issued for a
     * registration that did not happen (an officer refused after the platform had signed it) must not
     * verify as current. True when one was annulled now.
     */
    boolean annulFor(String applicationNumber, String reason);
}
