package kz.tirkeu.pki.revocation;

import java.io.IOException;
import java.math.BigInteger;
import java.net.URI;
import java.security.SecureRandom;
import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import kz.tirkeu.pki.net.PkiHttpClient;
import org.bouncycastle.asn1.DEROctetString;
import org.bouncycastle.asn1.ocsp.OCSPObjectIdentifiers;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.Extensions;
import org.bouncycastle.cert.ocsp.OCSPException;
import org.bouncycastle.cert.ocsp.OCSPReq;
import org.bouncycastle.cert.ocsp.OCSPReqBuilder;

/**
 * Finds out whether a certificate is revoked, in this order: evidence embedded in the document
 * (when it postdates the proof of existence), the cache, the CA's OCSP responder (with a nonce),
 * then its CRL. Answers are cached until their nextUpdate, so a warm cache costs no network call.
 * When nothing trustworthy answers, the status is {@link RevocationStatus.Unknown}.
 */
public final class RevocationChecker {

    private static final SecureRandom RANDOM = new SecureRandom();

    private final PkiHttpClient http;
    private final Clock clock;
    private final boolean requireNonce;
    private final Map<String, Cached> cache = new ConcurrentHashMap<>();
    private final Map<URI, CachedCrl> crlCache = new ConcurrentHashMap<>();

    public RevocationChecker(PkiHttpClient http, Clock clock, boolean requireNonce) {
        this.http = http;
        this.clock = clock;
        this.requireNonce = requireNonce;
    }

    public static RevocationChecker online() {
        return new RevocationChecker(PkiHttpClient.withDefaultTimeouts(), Clock.systemUTC(), true);
    }

    /**
     * @param provenBefore a time the signature is proven to have existed at (a time-stamp), if any:
     *                     embedded evidence issued after it is enough to show the certificate was not
     *                     revoked when it signed.
     */
    public RevocationCheck check(X509Certificate cert, X509Certificate issuer, EmbeddedRevocationData embedded, Optional<Instant> provenBefore) {
        List<String> failures = new ArrayList<>();
        Optional<RevocationCheck> fromDocument = fromEmbedded(cert, issuer, embedded, provenBefore, failures);
        if (fromDocument.isPresent()) {
            return fromDocument.get();
        }
        Instant now = clock.instant();
        String key = cacheKey(cert, issuer);
        Cached cached = cache.get(key);
        if (cached != null && cached.validUntil().isAfter(now)) {
            return cached.check();
        }
        for (URI responder : CertificateEndpoints.ocsp(cert)) {
            Optional<RevocationCheck> answer = askOcsp(responder, cert, issuer, now, key, failures);
            if (answer.isPresent()) {
                return answer.get();
            }
        }
        for (URI crlUri : CertificateEndpoints.crl(cert)) {
            Optional<RevocationCheck> answer = consultCrl(crlUri, cert, issuer, now, failures);
            if (answer.isPresent()) {
                return answer.get();
            }
        }
        if (failures.isEmpty()) {
            failures.add("the certificate names no OCSP responder and no CRL");
        }
        return RevocationCheck.unknown(String.join("; ", failures));
    }

    private Optional<RevocationCheck> fromEmbedded(X509Certificate cert, X509Certificate issuer, EmbeddedRevocationData embedded,
                                                   Optional<Instant> provenBefore, List<String> failures) {
        for (byte[] der : embedded.ocspResponses()) {
            OcspAnswers.Result result = OcspAnswers.read(der, cert, issuer, Optional.empty(), Optional.empty());
            Optional<RevocationCheck> usable = result.status()
                    .filter(status -> provesStatusAt(status, provenBefore))
                    .map(status -> new RevocationCheck(relabel(status, "OCSP response embedded in the document"),
                            Optional.of(new RevocationEvidence(RevocationEvidence.Kind.OCSP_RESPONSE, der))));
            if (usable.isPresent()) {
                return usable;
            }
        }
        for (byte[] der : embedded.crls()) {
            Optional<X509CRL> crl = CrlAnswers.parse(der).filter(c -> CrlAnswers.issuedBy(c, issuer));
            if (crl.isPresent()) {
                RevocationStatus status = CrlAnswers.statusOf(crl.get(), cert, "CRL embedded in the document");
                if (provesStatusAt(status, provenBefore)) {
                    return Optional.of(new RevocationCheck(status, Optional.of(new RevocationEvidence(RevocationEvidence.Kind.CRL, der))));
                }
            }
        }
        return Optional.empty();
    }

    /** A revocation is proof at any time; "good" is proof only if issued after the signature existed. */
    private static boolean provesStatusAt(RevocationStatus status, Optional<Instant> provenBefore) {
        return switch (status) {
            case RevocationStatus.Revoked r -> true;
            case RevocationStatus.Good g -> provenBefore.isPresent() && !g.asOf().isBefore(provenBefore.get());
            case RevocationStatus.Unknown u -> false;
        };
    }

    private Optional<RevocationCheck> askOcsp(URI responder, X509Certificate cert, X509Certificate issuer, Instant now, String key, List<String> failures) {
        byte[] nonceBytes = new byte[16];
        RANDOM.nextBytes(nonceBytes);
        byte[] nonce;
        byte[] response;
        try {
            // RFC 8954: the extension's value is the DER encoding of an OCTET STRING holding the nonce.
            nonce = new DEROctetString(nonceBytes).getEncoded();
            OCSPReq request = new OCSPReqBuilder()
                    .addRequest(OcspAnswers.idOf(cert, issuer))
                    .setRequestExtensions(new Extensions(new Extension(OCSPObjectIdentifiers.id_pkix_ocsp_nonce, false, nonce)))
                    .build();
            response = http.post(responder, "application/ocsp-request", request.getEncoded());
        } catch (IOException | OCSPException e) {
            failures.add("OCSP responder " + responder + " unavailable: " + e.getMessage());
            return Optional.empty();
        }
        OcspAnswers.Result result = OcspAnswers.read(response, cert, issuer,
                requireNonce ? Optional.of(nonce) : Optional.empty(), Optional.of(now));
        if (result.status().isEmpty()) {
            failures.add("OCSP responder " + responder + ": " + result.rejection());
            return Optional.empty();
        }
        RevocationCheck check = new RevocationCheck(relabel(result.status().get(), "OCSP " + responder),
                Optional.of(new RevocationEvidence(RevocationEvidence.Kind.OCSP_RESPONSE, response)));
        cache.put(key, new Cached(check, result.validUntil()));
        return Optional.of(check);
    }

    private Optional<RevocationCheck> consultCrl(URI uri, X509Certificate cert, X509Certificate issuer, Instant now, List<String> failures) {
        CachedCrl cached = crlCache.get(uri);
        if (cached == null || !cached.validUntil().isAfter(now)) {
            byte[] der;
            try {
                der = http.get(uri);
            } catch (IOException e) {
                failures.add("CRL " + uri + " unavailable: " + e.getMessage());
                return Optional.empty();
            }
            Optional<X509CRL> crl = CrlAnswers.parse(der);
            if (crl.isEmpty() || !CrlAnswers.issuedBy(crl.get(), issuer)) {
                failures.add("CRL " + uri + " is not a CRL signed by " + issuer.getSubjectX500Principal().getName());
                return Optional.empty();
            }
            if (!CrlAnswers.validUntil(crl.get()).isAfter(now)) {
                failures.add("CRL " + uri + " is stale");
                return Optional.empty();
            }
            cached = new CachedCrl(crl.get(), der, CrlAnswers.validUntil(crl.get()));
            crlCache.put(uri, cached);
        }
        RevocationStatus status = CrlAnswers.statusOf(cached.crl(), cert, "CRL " + uri);
        return Optional.of(new RevocationCheck(status, Optional.of(new RevocationEvidence(RevocationEvidence.Kind.CRL, cached.der()))));
    }

    private static RevocationStatus relabel(RevocationStatus status, String source) {
        return switch (status) {
            case RevocationStatus.Good g -> new RevocationStatus.Good(g.asOf(), source);
            case RevocationStatus.Revoked r -> new RevocationStatus.Revoked(r.revokedAt(), r.reason(), source);
            case RevocationStatus.Unknown u -> u;
        };
    }

    private static String cacheKey(X509Certificate cert, X509Certificate issuer) {
        BigInteger serial = cert.getSerialNumber();
        return issuer.getSubjectX500Principal().getName() + "#" + serial.toString(16);
    }

    /** Forgets every cached answer (e.g. after a sandbox revocation in a test). */
    public void clearCache() {
        cache.clear();
        crlCache.clear();
    }

    private record Cached(RevocationCheck check, Instant validUntil) {}

    private record CachedCrl(X509CRL crl, byte[] der, Instant validUntil) {}
}
