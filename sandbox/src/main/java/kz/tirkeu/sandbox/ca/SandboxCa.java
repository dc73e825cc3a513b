package kz.tirkeu.sandbox.ca;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import kz.tirkeu.pki.ca.CaHierarchy;
import kz.tirkeu.pki.ca.CertificateAuthority;
import kz.tirkeu.pki.ca.KeyAlgorithm;
import kz.tirkeu.pki.ca.Revocation;
import kz.tirkeu.pki.ca.SubjectSpec;
import kz.tirkeu.pki.cert.KeyPurpose;
import kz.tirkeu.pki.cert.KzRole;
import kz.tirkeu.pki.crypto.SigningCredential;
import kz.tirkeu.sandbox.AtomicFiles;
import kz.tirkeu.sandbox.SandboxAddress;
import kz.tirkeu.sandbox.SandboxDataDirectory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The sandbox's certification authority, in the shape of the НУЦ РК (national certification centre):
 * a root, an intermediate that issues people's certificates, an OCSP responder and a TSA, all under
 * {@code <sandbox>/ca}. It is kept in the data directory so testers' trust settings and downloaded keys
 * survive restarts, and opened on first use because its address, written into every certificate, is
 * only known once the web server listens.
 */
public final class SandboxCa {

    /** RSA, as the НУЦ's RSA keys; GOST keys need the national provider. */
    static final KeyAlgorithm KEY_ALGORITHM = KeyAlgorithm.RSA_2048;
    /** The НУЦ issues people's certificates for a year. */
    static final Duration VALIDITY = Duration.ofDays(365);
    /** Valid a little before issue, so that a tester whose clock is slightly behind can use a fresh key at once. */
    static final Duration BACKDATING = Duration.ofHours(1);

    private static final Logger log = LoggerFactory.getLogger(SandboxCa.class);

    private final SandboxAddress address;
    private final Path dir;
    private final Clock clock;
    private final IssuedCertificates issued;
    private final Object lock = new Object();
    private volatile CaHierarchy hierarchy;

    public SandboxCa(SandboxAddress address, Path dir, Clock clock) {
        this.address = address;
        this.dir = dir;
        this.clock = clock;
        this.issued = new IssuedCertificates(dir.resolve("issued"));
    }

    /** The CA's base address: what its certificates name. */
    public URI base() {
        return address.resolve("/ca");
    }

    /** The hierarchy, loaded or created on first use. */
    public CaHierarchy hierarchy() {
        CaHierarchy opened = hierarchy;
        if (opened == null) {
            synchronized (lock) {
                if (hierarchy == null) {
                    hierarchy = open(base());
                }
                opened = hierarchy;
            }
        }
        return opened;
    }

    private CaHierarchy open(URI base) {
        try {
            if (CaHierarchy.isSavedIn(dir)) {
                Optional<CaHierarchy> saved = load();
                if (saved.isPresent() && saved.get().base().equals(base)) {
                    return saved.get();
                }
                saved.ifPresent(stale -> log.warn("The sandbox CA in {} serves {}, but the sandbox is now at {}. Its certificates name the "
                        + "old OCSP and CRL addresses, so a new CA and new persona keys are issued: testers must download the new "
                        + "root certificate and keys.", dir, stale.base(), base));
                SandboxDataDirectory.deleteRecursively(dir);
            }
            log.info("Creating the sandbox CA for {} in {}", base, dir);
            CaHierarchy created = CaHierarchy.create(base, KEY_ALGORITHM, clock);
            created.save(dir);
            return created;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot keep the sandbox CA in " + dir, e);
        }
    }

    private Optional<CaHierarchy> load() throws IOException {
        CaHierarchy saved;
        try {
            saved = CaHierarchy.load(dir, clock);
        } catch (IOException | RuntimeException e) {
            log.warn("The sandbox CA in {} cannot be read ({}); a new CA and new persona keys are issued.", dir, e.getMessage());
            return Optional.empty();
        }
        List<X509Certificate> certificates = issued.all();
        certificates.forEach(saved.intermediate()::register);
        log.info("Loaded the sandbox CA for {} from {}: {} certificates issued, {} revoked",
                saved.base(), dir, certificates.size(), saved.intermediate().revocations().size());
        return Optional.of(saved);
    }

    /** Generates a key and issues its certificate from the intermediate CA, valid for a year. */
    public SigningCredential issue(SubjectSpec subject, KeyPurpose purpose, Set<KzRole> roles) {
        Instant now = clock.instant();
        SigningCredential credential = hierarchy().intermediate()
                .issueCredential(subject, purpose, roles, KEY_ALGORITHM, now.minus(BACKDATING), now.plus(VALIDITY));
        try {
            issued.record(credential.certificate());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot record the certificate just issued in " + dir, e);
        }
        return credential;
    }

    /**
     * Revokes a certificate of the intermediate CA now and writes the revocation down before answering,
     * so that it survives a restart. The next OCSP answer and CRL show it. Revoking again keeps the first.
     */
    public Revocation revoke(X509Certificate certificate, RevocationReason reason) {
        synchronized (lock) {
            // Whole seconds: what CRLs and OCSP answers carry, so every view of the revocation agrees, before and after a restart.
            Instant now = clock.instant().truncatedTo(ChronoUnit.SECONDS);
            Revocation revocation = hierarchy().intermediate().revoke(certificate.getSerialNumber(), now, reason.code());
            saveRevocations();
            return revocation;
        }
    }

    public Optional<Revocation> revocationOf(X509Certificate certificate) {
        return hierarchy().intermediate().revocationOf(certificate.getSerialNumber());
    }

    /** Whether the intermediate CA of this very hierarchy signed the certificate (not a CA from before a reset). */
    public boolean hasIssued(X509Certificate certificate) {
        CertificateAuthority intermediate = hierarchy().intermediate();
        if (!certificate.getIssuerX500Principal().equals(intermediate.certificate().getSubjectX500Principal())) {
            return false;
        }
        try {
            certificate.verify(intermediate.certificate().getPublicKey());
            return true;
        } catch (GeneralSecurityException | RuntimeException e) {
            return false;
        }
    }

    // The toolkit writes revocations.txt in place; writing it beside and moving it keeps a crash from truncating it.
    private void saveRevocations() {
        try {
            Path staging = Files.createTempDirectory(dir, ".revocations-");
            try {
                hierarchy().saveRevocations(staging);
                AtomicFiles.move(staging.resolve("revocations.txt"), dir.resolve("revocations.txt"));
            } finally {
                SandboxDataDirectory.deleteRecursively(staging);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot save the revocations in " + dir, e);
        }
    }
}
