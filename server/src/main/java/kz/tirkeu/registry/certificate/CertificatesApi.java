package kz.tirkeu.registry.certificate;

import java.net.URI;
import java.time.Instant;
import java.util.List;
import kz.tirkeu.identity.Role;
import kz.tirkeu.identity.SignedInPerson;
import kz.tirkeu.identity.web.Allowed;
import kz.tirkeu.platform.web.ProblemException;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The owner's registration certificates: the signed original (.p7m) and its PDF in Kazakh or Russian.
 * Only the owner's own, by the IIN of the session; anyone else's is answered exactly like one that
 * does not exist, so certificate numbers cannot be probed.
 */
@RestController
@Allowed(Role.BUYER)
class CertificatesApi {

    static final MediaType PKCS7_MIME = MediaType.parseMediaType("application/pkcs7-mime");

    private final RegistrationCertificates certificates;
    private final CertificatePdf pdf;
    private final PlatformCertificateIssuer issuer;

    CertificatesApi(RegistrationCertificates certificates, CertificatePdf pdf, PlatformCertificateIssuer issuer) {
        this.certificates = certificates;
        this.pdf = pdf;
        this.issuer = issuer;
    }

    /**
     * @param number          e.g. {@code AA00012345}, as in the download addresses
     * @param seriesAndNumber as printed, e.g. {@code AA 00012345}
     */
    record CertificateSummary(String number, String seriesAndNumber, String applicationNumber, String plateNumber, String make,
                              String model, int year, Instant issuedAt, CertificateStatus status, URI verificationUrl, String documentPath,
                              String pdfPathKk, String pdfPathRu) {}

    @GetMapping("/api/v1/me/certificates")
    List<CertificateSummary> mine(SignedInPerson person) {
        return certificates.ofOwner(person.iin().value()).stream().map(c -> {
            String base = "/api/v1/certificates/" + c.number().compact();
            return new CertificateSummary(c.number().compact(), c.number().toString(), c.applicationNumber(), c.plateNumber(), c.make(),
                    c.model(), c.vehicleYear(), c.issuedAt(), c.status(), issuer.verificationUrl(c.verificationCode()), base + "/document",
                    base + "/pdf?lang=kk", base + "/pdf?lang=ru");
        }).toList();
    }

    /** The signed original: verifies offline with the CA's root alone (see the README's verifier). */
    @GetMapping("/api/v1/certificates/{number}/document")
    ResponseEntity<byte[]> document(SignedInPerson person, @PathVariable String number) {
        StoredCertificate certificate = ownCertificate(person, number);
        byte[] document = certificates.document(certificate.number()).orElseThrow();
        return download(document, PKCS7_MIME, "certificate-" + certificate.number().compact() + ".p7m");
    }

    @GetMapping("/api/v1/certificates/{number}/pdf")
    ResponseEntity<byte[]> pdf(SignedInPerson person, @PathVariable String number, @RequestParam(defaultValue = "kk") String lang) {
        CertificatePdf.Language language = CertificatePdf.Language.of(lang);
        StoredCertificate certificate = ownCertificate(person, number);
        CertificateContent content = CertificateContent.fromDocument(certificates.document(certificate.number()).orElseThrow());
        return download(pdf.render(content, language), MediaType.APPLICATION_PDF,
                "certificate-" + certificate.number().compact() + "-" + language + ".pdf");
    }

    private StoredCertificate ownCertificate(SignedInPerson person, String number) {
        CertificateNumber parsed;
        try {
            parsed = CertificateNumber.parse(number);
        } catch (IllegalArgumentException e) {
            throw notFound();
        }
        return certificates.find(parsed).filter(c -> c.ownerIin().equals(person.iin().value())).orElseThrow(CertificatesApi::notFound);
    }

    private static ProblemException notFound() {
        return new ProblemException("CERTIFICATE_NOT_FOUND", HttpStatus.NOT_FOUND, "You have no registration certificate with this number.");
    }

    private static ResponseEntity<byte[]> download(byte[] body, MediaType type, String filename) {
        return ResponseEntity.ok().contentType(type)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(filename).build().toString())
                .body(body);
    }
}
