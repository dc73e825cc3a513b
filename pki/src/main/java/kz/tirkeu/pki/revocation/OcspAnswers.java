package kz.tirkeu.pki.revocation;

import java.io.IOException;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Optional;
import kz.tirkeu.pki.crypto.BouncyCastle;
import org.bouncycastle.asn1.ocsp.OCSPObjectIdentifiers;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509CertificateHolder;
import org.bouncycastle.cert.ocsp.BasicOCSPResp;
import org.bouncycastle.cert.ocsp.CertificateID;
import org.bouncycastle.cert.ocsp.CertificateStatus;
import org.bouncycastle.cert.ocsp.OCSPException;
import org.bouncycastle.cert.ocsp.OCSPResp;
import org.bouncycastle.cert.ocsp.RevokedStatus;
import org.bouncycastle.cert.ocsp.SingleResp;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentVerifierProviderBuilder;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;

/**
 * Reads an OCSP response and decides whether to believe it: signed by the issuing CA or by a
 * responder the CA delegated (EKU OCSPSigning), about this very certificate, echoing our nonce,
 * and current. An answer that fails any of these is ignored, never taken as "good".
 */
final class OcspAnswers {

    private static final Duration CLOCK_SKEW = Duration.ofMinutes(5);

    private OcspAnswers() {}

    static CertificateID idOf(X509Certificate cert, X509Certificate issuer) {
        try {
            return new CertificateID(new JcaDigestCalculatorProviderBuilder().setProvider(BouncyCastle.PROVIDER).build()
                    .get(CertificateID.HASH_SHA1), new JcaX509CertificateHolder(issuer), cert.getSerialNumber());
        } catch (OCSPException | OperatorCreationException | CertificateEncodingException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * The status the response gives for {@code cert}, or a reason not to believe it.
     *
     * @param expectedNonce the nonce we sent, or empty for a response obtained earlier (embedded)
     * @param freshAt       the moment the response must be current at, or empty to skip that check
     */
    static Result read(byte[] der, X509Certificate cert, X509Certificate issuer, Optional<byte[]> expectedNonce, Optional<Instant> freshAt) {
        try {
            OCSPResp response = new OCSPResp(der);
            if (response.getStatus() != OCSPResp.SUCCESSFUL) {
                return Result.untrusted("the OCSP responder answered with status " + response.getStatus());
            }
            if (!(response.getResponseObject() instanceof BasicOCSPResp basic)) {
                return Result.untrusted("the OCSP response is not a basic response");
            }
            if (!signedByIssuerOrDelegate(basic, issuer)) {
                return Result.untrusted("the OCSP response is not signed by the CA or its delegated responder");
            }
            if (expectedNonce.isPresent()) {
                Extension nonce = basic.getExtension(OCSPObjectIdentifiers.id_pkix_ocsp_nonce);
                if (nonce == null || !Arrays.equals(nonce.getExtnValue().getOctets(), expectedNonce.get())) {
                    return Result.untrusted("the OCSP response does not echo our nonce (a replayed answer?)");
                }
            }
            CertificateID id = idOf(cert, issuer);
            for (SingleResp single : basic.getResponses()) {
                if (!single.getCertID().equals(id)) {
                    continue;
                }
                Instant thisUpdate = single.getThisUpdate().toInstant();
                Optional<Instant> nextUpdate = Optional.ofNullable(single.getNextUpdate()).map(java.util.Date::toInstant);
                if (freshAt.isPresent()) {
                    if (thisUpdate.isAfter(freshAt.get().plus(CLOCK_SKEW))) {
                        return Result.untrusted("the OCSP response is dated in the future");
                    }
                    if (nextUpdate.isPresent() && nextUpdate.get().isBefore(freshAt.get().minus(CLOCK_SKEW))) {
                        return Result.untrusted("the OCSP response is stale (nextUpdate " + nextUpdate.get() + ")");
                    }
                }
                Instant producedAt = basic.getProducedAt().toInstant();
                Instant validUntil = nextUpdate.orElse(thisUpdate);
                CertificateStatus status = single.getCertStatus();
                if (status == CertificateStatus.GOOD) {
                    return new Result(Optional.of(new RevocationStatus.Good(producedAt, "OCSP")), validUntil, null);
                }
                if (status instanceof RevokedStatus revoked) {
                    int reason = revoked.hasRevocationReason() ? revoked.getRevocationReason() : 0;
                    return new Result(Optional.of(new RevocationStatus.Revoked(revoked.getRevocationTime().toInstant(), reason, "OCSP")), validUntil, null);
                }
                return Result.untrusted("the OCSP responder does not know the certificate");
            }
            return Result.untrusted("the OCSP response is about another certificate");
        } catch (IOException | OCSPException | RuntimeException e) {
            return Result.untrusted("the OCSP response cannot be read: " + e.getMessage());
        }
    }

    private static boolean signedByIssuerOrDelegate(BasicOCSPResp basic, X509Certificate issuer) throws OCSPException {
        try {
            if (basic.isSignatureValid(new JcaContentVerifierProviderBuilder().setProvider(BouncyCastle.PROVIDER).build(issuer.getPublicKey()))) {
                return true;
            }
        } catch (OperatorCreationException | OCSPException e) {
            // not signed by the CA itself; look for a delegated responder below
        }
        for (X509CertificateHolder holder : basic.getCerts()) {
            try {
                X509Certificate responder = new JcaX509CertificateConverter().setProvider(BouncyCastle.PROVIDER).getCertificate(holder);
                boolean delegated = responder.getExtendedKeyUsage() != null
                        && responder.getExtendedKeyUsage().contains(KeyPurposeId.id_kp_OCSPSigning.getId());
                if (!delegated || !responder.getIssuerX500Principal().equals(issuer.getSubjectX500Principal())) {
                    continue;
                }
                responder.verify(issuer.getPublicKey());
                responder.checkValidity(basic.getProducedAt());
                if (basic.isSignatureValid(new JcaContentVerifierProviderBuilder().setProvider(BouncyCastle.PROVIDER).build(responder))) {
                    return true;
                }
            } catch (OperatorCreationException | java.security.GeneralSecurityException e) {
                // this certificate is no delegated responder of the issuer; try the next
            }
        }
        return false;
    }

    /** A believed status valid until {@code validUntil}, or the reason the answer was not believed. */
    record Result(Optional<RevocationStatus> status, Instant validUntil, String rejection) {
        static Result untrusted(String why) {
            return new Result(Optional.empty(), Instant.EPOCH, why);
        }
    }
}
