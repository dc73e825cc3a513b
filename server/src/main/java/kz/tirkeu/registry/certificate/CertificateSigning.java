package kz.tirkeu.registry.certificate;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.atomic.AtomicReference;
import kz.tirkeu.pki.cms.CadesSigner;
import kz.tirkeu.pki.crypto.SignatureAlgorithms;
import kz.tirkeu.pki.crypto.SigningCredential;
import kz.tirkeu.pki.document.DigitalDocumentIssuer;
import kz.tirkeu.pki.document.DigitalDocumentVerifier;
import kz.tirkeu.pki.document.VerifiedDocument;
import kz.tirkeu.pki.identity.Bin;
import kz.tirkeu.pki.net.PkiHttpClient;
import kz.tirkeu.pki.tsp.HttpTimeStampClient;
import kz.tirkeu.pki.validation.ExpectedSigner;
import kz.tirkeu.platform.PlatformAddresses;
import kz.tirkeu.signatures.SignatureVerification;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Component;
import org.springframework.modulith.NamedInterface;

/**
 * The platform's seal on registration certificates: its organisation SIGN key, the CA's time-stamp
 * service and the platform's validator, put together as pki's document issuer and verifier.
 *
 * <p>The key is loaded on first use, not at start-up: by default it is the sandbox's {@code platform}
 * persona key, served by this very server once it listens. A key that cannot be loaded is not cached,
 * so the next certificate tries again.
 */
@NamedInterface("certificates")
@Component
@EnableConfigurationProperties(CertificateProperties.class)
public class CertificateSigning {

    private final CertificateProperties properties;
    private final PlatformAddresses addresses;
    private final SignatureVerification signatures;
    private final Clock clock;
    private final PkiHttpClient http = PkiHttpClient.withDefaultTimeouts();
    private final AtomicReference<SigningCredential> credential = new AtomicReference<>();

    public CertificateSigning(CertificateProperties properties, PlatformAddresses addresses, SignatureVerification signatures, Clock clock) {
        this.properties = properties;
        this.addresses = addresses;
        this.signatures = signatures;
        this.clock = clock;
    }

    /** The signer a certificate must have: the platform organisation, by its BIN (no IIN). */
    public ExpectedSigner platform() {
        return ExpectedSigner.organisation(Bin.of(properties.platformBin()));
    }

    /**
     * Signs, time-stamps and validates the certificate's content, embedding the revocation evidence.
     * Network I/O (TSA, OCSP/CRL): never call inside a database transaction.
     */
    byte[] sign(String json) {
        URI tsa = properties.timeStampUrl().isBlank() ? addresses.stateSystem("/ca/tsa") : URI.create(properties.timeStampUrl());
        DigitalDocumentIssuer issuer = new DigitalDocumentIssuer(new CadesSigner(SignatureAlgorithms.defaults(), clock),
                new HttpTimeStampClient(tsa, http), signatures.freshValidator());
        return issuer.issue(json, credential(), platform());
    }

    /**
     * The platform's seal on another document it issues (e.g. a regime's evaluation report): the same key, time-stamp
     * and embedded revocation evidence as a certificate, so it verifies the same way outside the platform.
     * Network I/O: never call inside a database transaction.
     */
    public byte[] seal(String json) {
        return sign(json);
    }

    /** Verifies a certificate file as anyone would: against the trust anchors, expecting the platform's seal. */
    public VerifiedDocument verify(byte[] file) {
        return new DigitalDocumentVerifier(signatures.validator()).verify(file, platform());
    }

    private SigningCredential credential() {
        SigningCredential current = credential.get();
        if (current == null) {
            current = SigningCredential.fromPkcs12(readKeyFile(), properties.signingKeyPassword().toCharArray());
            credential.compareAndSet(null, current);
        }
        return current;
    }

    private byte[] readKeyFile() {
        String location = properties.signingKey().isBlank()
                ? addresses.stateSystem("/personas/platform/sign.p12").toString()
                : properties.signingKey();
        try {
            return location.startsWith("http://") || location.startsWith("https://")
                    ? http.get(URI.create(location))
                    : Files.readAllBytes(Path.of(location.replaceFirst("^file:", "")));
        } catch (IOException e) {
            throw new IllegalStateException("cannot load the platform's signing key from " + location + ": " + e.getMessage(), e);
        }
    }
}
