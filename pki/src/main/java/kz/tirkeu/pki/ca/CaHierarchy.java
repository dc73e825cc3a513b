package kz.tirkeu.pki.ca;

import java.io.IOException;
import java.math.BigInteger;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import kz.tirkeu.pki.cert.KeyPurpose;
import kz.tirkeu.pki.crypto.SigningCredential;

/**
 * A complete test certification authority in the shape of the НУЦ РК: a root CA, an intermediate
 * CA that issues people's certificates, a delegated OCSP responder, and a time-stamping authority,
 * with the addresses of its services written into every certificate. Served over HTTP by the
 * sandbox (and by test fixtures) under one layout, relative to a base address:
 * <pre>
 *   POST {base}/ocsp                 OCSP (application/ocsp-request)
 *   POST {base}/tsa                  RFC 3161 (application/timestamp-query)
 *   GET  {base}/crl/root.crl         CRL of the root (covers the intermediate and the TSA)
 *   GET  {base}/crl/intermediate.crl CRL of the intermediate (covers people's certificates)
 *   GET  {base}/certs/root.pem       the root certificate: the trust anchor to configure
 *   GET  {base}/certs/intermediate.pem
 * </pre>
 */
public final class CaHierarchy {

    private static final char[] STORE_PASSWORD = "tirkeu-sandbox-ca".toCharArray();
    private static final String ORGANISATION = "Tirkeu Sandbox";

    private final URI base;
    private final CertificateAuthority root;
    private final CertificateAuthority intermediate;
    private final OcspResponder ocsp;
    private final TimeStampAuthority tsa;

    private CaHierarchy(URI base, CertificateAuthority root, CertificateAuthority intermediate, SigningCredential ocspSigner,
                        SigningCredential tsaSigner, Clock clock) {
        this.base = base;
        this.root = root;
        this.intermediate = intermediate;
        this.ocsp = new OcspResponder(intermediate, ocspSigner, Duration.ofMinutes(5));
        this.tsa = new TimeStampAuthority(tsaSigner, clock);
    }

    /** A new hierarchy whose certificates point at services under {@code base} (ending without '/'). */
    public static CaHierarchy create(URI base, KeyAlgorithm keyAlgorithm, Clock clock) {
        CertificateAuthority root = CertificateAuthority.createRoot(
                SubjectSpec.service("Tirkeu Sandbox Root CA", ORGANISATION), keyAlgorithm, Duration.ofDays(3650), rootEndpoints(base));
        CertificateAuthority intermediate = root.createIntermediate(
                SubjectSpec.service("Tirkeu Sandbox NCA (test)", ORGANISATION), keyAlgorithm, Duration.ofDays(1825), intermediateEndpoints(base));
        Instant from = clock.instant().minus(Duration.ofDays(1));
        SigningCredential ocspSigner = intermediate.issueCredential(SubjectSpec.service("Tirkeu Sandbox OCSP Responder", ORGANISATION),
                KeyPurpose.OCSP_SIGNING, Set.of(), keyAlgorithm, from, from.plus(Duration.ofDays(1825)));
        SigningCredential tsaSigner = root.issueCredential(SubjectSpec.service("Tirkeu Sandbox TSA", ORGANISATION),
                KeyPurpose.TIME_STAMPING, Set.of(), keyAlgorithm, from, from.plus(Duration.ofDays(3650)));
        return new CaHierarchy(base, root, intermediate, ocspSigner, tsaSigner, clock);
    }

    /** Writes the CA keys and revocations to {@code dir}; the sandbox keeps its CA across restarts this way. */
    public void save(Path dir) throws IOException {
        Files.createDirectories(dir);
        Files.write(dir.resolve("root.p12"), root.credential().toPkcs12("root", STORE_PASSWORD));
        Files.write(dir.resolve("intermediate.p12"), intermediate.credential().toPkcs12("intermediate", STORE_PASSWORD));
        Files.write(dir.resolve("ocsp.p12"), ocspCredential().toPkcs12("ocsp", STORE_PASSWORD));
        Files.write(dir.resolve("tsa.p12"), tsaCredential().toPkcs12("tsa", STORE_PASSWORD));
        Files.writeString(dir.resolve("base-uri.txt"), base.toString());
        saveRevocations(dir);
    }

    /** Writes only the revocation lists (cheap; done after each revocation). */
    public void saveRevocations(Path dir) throws IOException {
        List<String> lines = new ArrayList<>();
        for (Revocation r : root.revocations()) {
            lines.add("root " + r.serial().toString(16) + " " + r.revokedAt().toEpochMilli() + " " + r.reason());
        }
        for (Revocation r : intermediate.revocations()) {
            lines.add("intermediate " + r.serial().toString(16) + " " + r.revokedAt().toEpochMilli() + " " + r.reason());
        }
        Files.write(dir.resolve("revocations.txt"), lines);
    }

    /** Loads a hierarchy saved by {@link #save}; the certificates it issued must be {@link CertificateAuthority#register registered} again. */
    public static CaHierarchy load(Path dir, Clock clock) throws IOException {
        URI base = URI.create(Files.readString(dir.resolve("base-uri.txt")).trim());
        CertificateAuthority root = CertificateAuthority.restore(read(dir, "root.p12"), rootEndpoints(base));
        CertificateAuthority intermediate = CertificateAuthority.restore(read(dir, "intermediate.p12"), intermediateEndpoints(base));
        root.register(intermediate.certificate());
        SigningCredential ocspSigner = read(dir, "ocsp.p12");
        SigningCredential tsaSigner = read(dir, "tsa.p12");
        intermediate.register(ocspSigner.certificate());
        root.register(tsaSigner.certificate());
        Path revocations = dir.resolve("revocations.txt");
        if (Files.exists(revocations)) {
            for (String line : Files.readAllLines(revocations)) {
                String[] f = line.trim().split(" ");
                if (f.length == 4) {
                    CertificateAuthority ca = f[0].equals("root") ? root : intermediate;
                    ca.revoke(new BigInteger(f[1], 16), Instant.ofEpochMilli(Long.parseLong(f[2])), Integer.parseInt(f[3]));
                }
            }
        }
        return new CaHierarchy(base, root, intermediate, ocspSigner, tsaSigner, clock);
    }

    public static boolean isSavedIn(Path dir) {
        return Files.exists(dir.resolve("root.p12")) && Files.exists(dir.resolve("base-uri.txt"));
    }

    private static SigningCredential read(Path dir, String file) throws IOException {
        return SigningCredential.fromPkcs12(Files.readAllBytes(dir.resolve(file)), STORE_PASSWORD);
    }

    private static CaEndpoints rootEndpoints(URI base) {
        return CaEndpoints.of(null, URI.create(base + "/crl/root.crl"), URI.create(base + "/certs/root.pem"));
    }

    private static CaEndpoints intermediateEndpoints(URI base) {
        return CaEndpoints.of(URI.create(base + "/ocsp"), URI.create(base + "/crl/intermediate.crl"), URI.create(base + "/certs/intermediate.pem"));
    }

    public URI base() {
        return base;
    }

    public CertificateAuthority root() {
        return root;
    }

    /** The CA that issues people's and systems' certificates. */
    public CertificateAuthority intermediate() {
        return intermediate;
    }

    public OcspResponder ocsp() {
        return ocsp;
    }

    public TimeStampAuthority tsa() {
        return tsa;
    }

    public X509Certificate rootCertificate() {
        return root.certificate();
    }

    private SigningCredential ocspCredential() {
        return ocsp.credential();
    }

    private SigningCredential tsaCredential() {
        return tsa.credential();
    }
}
