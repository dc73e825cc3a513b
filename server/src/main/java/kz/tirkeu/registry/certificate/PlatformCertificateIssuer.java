package kz.tirkeu.registry.certificate;

import java.net.URI;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Base64;
import java.util.Optional;
import kz.tirkeu.platform.PlatformAddresses;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * Issues registration certificates under the platform's seal. The order matters: draw a number, sign
 * (network: TSA, OCSP), and only then store, with the application number unique. Two servers deciding
 * the same application at once both sign, one insert wins, and the other returns the winner's
 * certificate; its own drawn number is left unused.
 */
@Service
public class PlatformCertificateIssuer implements CertificateIssuer {

    private static final Logger log = LoggerFactory.getLogger(PlatformCertificateIssuer.class);

    private final RegistrationCertificates certificates;
    private final CertificateSigning signing;
    private final CertificateProperties properties;
    private final PlatformAddresses addresses;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    public PlatformCertificateIssuer(RegistrationCertificates certificates, CertificateSigning signing, CertificateProperties properties,
                                     PlatformAddresses addresses, Clock clock) {
        this.certificates = certificates;
        this.signing = signing;
        this.properties = properties;
        this.addresses = addresses;
        this.clock = clock;
    }

    @Override
    public IssuedCertificate issue(CertificateRequest request) {
        Optional<IssuedCertificate> existing = ofApplication(request.applicationNumber());
        if (existing.isPresent()) {
            return existing.get();
        }
        CertificateNumber number = CertificateNumber.of(properties.series(), certificates.nextNumber());
        String code = newVerificationCode();
        URI url = verificationUrl(code);
        CertificateContent content = CertificateContent.of(request, number, code, url.toString());
        byte[] document = signing.sign(content.toJson());
        StoredCertificate stored = new StoredCertificate(number, request.applicationNumber(), code, request.owner().iin(),
                request.plateNumber(), request.vehicle().make(), request.vehicle().model(), request.vehicle().year(),
                request.issuingUnit(), clock.instant(), CertificateStatus.VALID, Optional.empty(), Optional.empty());
        if (!certificates.insert(stored, document)) {
            log.info("Application {} got its certificate from another server meanwhile; number {} stays unused", request.applicationNumber(), number);
        }
        return ofApplication(request.applicationNumber()).orElseThrow();
    }

    @Override
    public Optional<IssuedCertificate> ofApplication(String applicationNumber) {
        return certificates.ofApplication(applicationNumber).map(this::issued);
    }

    @Override
    public boolean annulFor(String applicationNumber, String reason) {
        return certificates.ofApplication(applicationNumber).map(stored -> annul(stored.number(), reason)).orElse(false);
    }

    /**
     * Annuls a valid certificate (or records it replaced). The file keeps its signature; the public page
     * and the upload check then say it is no longer current.
     *
     * @return false when there is no such certificate or it was not VALID
     */
    public boolean annul(CertificateNumber number, String reason) {
        return certificates.changeStatus(number, CertificateStatus.ANNULLED, reason, clock.instant());
    }

    URI verificationUrl(String code) {
        return URI.create(addresses.publicBase() + "/verify/" + code);
    }

    private IssuedCertificate issued(StoredCertificate stored) {
        return new IssuedCertificate(stored.applicationNumber(), stored.number().series(), stored.number().number(), stored.verificationCode(),
                verificationUrl(stored.verificationCode()), stored.issuedAt());
    }

    /** 128 random bits, base64url: unguessable, and safe in a URL and a QR code. */
    private String newVerificationCode() {
        byte[] bits = new byte[16];
        random.nextBytes(bits);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bits);
    }
}
