package kz.tirkeu.signatures;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import kz.tirkeu.pki.crypto.Pem;
import kz.tirkeu.pki.crypto.SignatureAlgorithms;
import kz.tirkeu.pki.net.PkiHttpClient;
import kz.tirkeu.pki.revocation.RevocationChecker;
import kz.tirkeu.pki.validation.SignatureValidator;
import kz.tirkeu.pki.validation.ValidationPolicy;
import kz.tirkeu.pki.validation.ValidationReport;
import kz.tirkeu.pki.validation.ValidationRequest;
import kz.tirkeu.platform.PlatformAddresses;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Component;

/**
 * The platform's one way to check a signature (Digital Code Art. 33): pki's validator with the
 * trust anchors of the accredited CAs. The anchors come from {@code tirkeu.pki.trust-anchors}
 * (files or URLs); by default the sandbox CA's root, fetched on first use because the sandbox starts
 * with the server. One revocation cache serves all requests, so a busy hour asks OCSP once per
 * certificate per answer validity.
 */
@Component
@EnableConfigurationProperties(PkiProperties.class)
public class SignatureVerification {

    private final List<String> anchorLocations;
    private final PlatformAddresses addresses;
    private final Clock clock;
    private final PkiHttpClient http = PkiHttpClient.withDefaultTimeouts();
    private final RevocationChecker revocation;
    private final AtomicReference<SignatureValidator> validator = new AtomicReference<>();
    private final AtomicReference<ValidationPolicy> policy = new AtomicReference<>();

    public SignatureVerification(PkiProperties properties, PlatformAddresses addresses, Clock clock) {
        this.anchorLocations = properties.trustAnchors().stream().map(String::strip).filter(s -> !s.isBlank()).toList();
        this.addresses = addresses;
        this.clock = clock;
        this.revocation = new RevocationChecker(http, clock, true);
    }

    public ValidationReport validate(ValidationRequest request) {
        return validator().validate(request);
    }

    /**
     * A certificate on its own, with the same anchors, revocation cache and checks as a signature's: for a key that proves
     * itself outside CMS (a partner system's JWT assertion, whose signature the caller verifies with the certificate's key).
     */
    public ValidationReport validateCertificate(X509Certificate certificate, List<X509Certificate> intermediates, ValidationRequest expectations) {
        return validator().validateCertificate(certificate, intermediates, expectations);
    }

    /** The validator itself, for pki's document verifier (registration certificates). */
    public SignatureValidator validator() {
        SignatureValidator current = validator.get();
        if (current == null) {
            ValidationPolicy anchored = new ValidationPolicy(loadAnchors(), List.of(), SignatureAlgorithms.defaults());
            policy.compareAndSet(null, anchored);
            current = new SignatureValidator(policy.get(), revocation, clock);
            validator.compareAndSet(null, current);
        }
        return current;
    }

    /**
     * Forgets the cached OCSP and CRL answers: the next validation asks the CA again. For when a revocation
     * must count at once rather than when the cached answers expire (e.g. a CA announcing a compromised key).
     */
    public void forgetRevocationAnswers() {
        revocation.clearCache();
    }

    /**
     * A validator that asks OCSP and the CRL afresh, for issuing documents: the evidence embedded in a
     * document proves "not revoked" offline only when it is newer than the document's time-stamp, and a
     * cached answer is older.
     */
    public SignatureValidator freshValidator() {
        validator();
        return new SignatureValidator(policy.get(), new RevocationChecker(http, clock, true), clock);
    }

    /**
     * Why no chain could be built, when it is the signer's fault (issue [11]): the signer's certificate names an issuer
     * that the CMS does not carry and that is no trust anchor — typically the intermediate CA left out of the CMS. Then
     * the signature is definitely not acceptable as sent (a 4xx saying what is missing), not a temporary failure.
     * Returns the problem that tells the signer so, naming the issuer.
     */
    public java.util.Optional<kz.tirkeu.platform.web.ProblemException> missingIssuer(byte[] cms) {
        try {
            org.bouncycastle.cms.CMSSignedData signed = new org.bouncycastle.cms.CMSSignedData(cms);
            org.bouncycastle.util.Store<org.bouncycastle.cert.X509CertificateHolder> carried = signed.getCertificates();
            for (org.bouncycastle.cms.SignerInformation signer : signed.getSignerInfos().getSigners()) {
                @SuppressWarnings("unchecked")
                java.util.Collection<org.bouncycastle.cert.X509CertificateHolder> own = carried.getMatches(signer.getSID());
                for (org.bouncycastle.cert.X509CertificateHolder certificate : own) {
                    org.bouncycastle.asn1.x500.X500Name issuer = certificate.getIssuer();
                    boolean inCms = carried.getMatches(null).stream().anyMatch(c -> c.getSubject().equals(issuer));
                    validator();
                    boolean anchor = policy.get().trustAnchors().stream()
                            .anyMatch(a -> org.bouncycastle.asn1.x500.X500Name.getInstance(a.getSubjectX500Principal().getEncoded()).equals(issuer));
                    if (!inCms && !anchor) {
                        return java.util.Optional.of(new kz.tirkeu.platform.web.ProblemException("CERTIFICATE_CHAIN_INCOMPLETE",
                                org.springframework.http.HttpStatus.BAD_REQUEST, "The signature does not carry the certificate of its issuer (" + issuer
                                + "). Include the intermediate CA's certificate in the CMS, as NCALayer does.", issuer.toString()));
                    }
                }
            }
        } catch (org.bouncycastle.cms.CMSException | RuntimeException e) {
            // Not a readable CMS: the validator's own answer (FORMAT_FAILURE) says so.
        }
        return java.util.Optional.empty();
    }

    private Set<X509Certificate> loadAnchors() {
        List<String> locations = anchorLocations.isEmpty()
                ? List.of(addresses.stateSystem("/ca/certs/root.pem").toString())
                : anchorLocations;
        Set<X509Certificate> anchors = new HashSet<>();
        List<String> failures = new ArrayList<>();
        for (String location : locations) {
            try {
                byte[] pem = location.startsWith("http://") || location.startsWith("https://")
                        ? http.get(URI.create(location))
                        : Files.readAllBytes(Path.of(location.replaceFirst("^file:", "")));
                anchors.addAll(Pem.readCertificates(pem));
            } catch (IOException | IllegalArgumentException e) {
                failures.add(location + ": " + e.getMessage());
            }
        }
        if (anchors.isEmpty()) {
            // Not cached: the next signature tries again, e.g. once the sandbox has finished starting.
            throw new IllegalStateException("no trust anchor could be loaded (" + String.join("; ", failures) + ")");
        }
        return anchors;
    }
}
