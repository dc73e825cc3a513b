package kz.tirkeu.pki.ca;

import java.io.IOException;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.Optional;
import kz.tirkeu.pki.crypto.BouncyCastle;
import kz.tirkeu.pki.crypto.SigningCredential;
import org.bouncycastle.asn1.ASN1GeneralizedTime;
import org.bouncycastle.asn1.ocsp.OCSPObjectIdentifiers;
import org.bouncycastle.asn1.ocsp.RevokedInfo;
import org.bouncycastle.asn1.x509.CRLReason;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.Extensions;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.ocsp.BasicOCSPResp;
import org.bouncycastle.cert.ocsp.BasicOCSPRespBuilder;
import org.bouncycastle.cert.ocsp.CertificateID;
import org.bouncycastle.cert.ocsp.CertificateStatus;
import org.bouncycastle.cert.ocsp.OCSPException;
import org.bouncycastle.cert.ocsp.OCSPReq;
import org.bouncycastle.cert.ocsp.OCSPRespBuilder;
import org.bouncycastle.cert.ocsp.Req;
import org.bouncycastle.cert.ocsp.RevokedStatus;
import org.bouncycastle.cert.ocsp.UnknownStatus;
import org.bouncycastle.cert.ocsp.jcajce.JcaBasicOCSPRespBuilder;
import org.bouncycastle.operator.DigestCalculatorProvider;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;

/**
 * An OCSP responder (RFC 6960) for one CA, signing with a delegated responder certificate. It reads
 * the CA's revocation list on every request, so a revocation shows in the very next answer.
 * The client's nonce is echoed, which is what lets the client detect a replayed answer.
 */
public final class OcspResponder {

    private final CertificateAuthority ca;
    private final SigningCredential responder;
    private volatile Duration answerValidity;

    public OcspResponder(CertificateAuthority ca, SigningCredential responder, Duration answerValidity) {
        this.ca = ca;
        this.responder = responder;
        this.answerValidity = answerValidity;
    }

    public void setAnswerValidity(Duration answerValidity) {
        this.answerValidity = answerValidity;
    }

    /** Answers a DER-encoded OCSP request with a DER-encoded OCSP response; malformed input gets malformedRequest. */
    public byte[] respond(byte[] requestDer) {
        OCSPReq request;
        try {
            request = new OCSPReq(requestDer);
            if (request.getRequestList().length == 0) {
                return status(OCSPRespBuilder.MALFORMED_REQUEST);
            }
        } catch (IOException | RuntimeException e) {
            return status(OCSPRespBuilder.MALFORMED_REQUEST);
        }
        try {
            DigestCalculatorProvider digests = new JcaDigestCalculatorProviderBuilder().setProvider(BouncyCastle.PROVIDER).build();
            X509CertificateHolder caHolder = ca.holder();
            BasicOCSPRespBuilder builder = new JcaBasicOCSPRespBuilder(responder.certificate().getPublicKey(),
                    digests.get(CertificateID.HASH_SHA1));
            Instant now = Instant.now();
            Date thisUpdate = Date.from(now);
            Date nextUpdate = Date.from(now.plus(answerValidity));
            for (Req single : request.getRequestList()) {
                CertificateID id = single.getCertID();
                builder.addResponse(id, statusOf(id, caHolder, digests), thisUpdate, nextUpdate, null);
            }
            Extension nonce = request.getExtension(OCSPObjectIdentifiers.id_pkix_ocsp_nonce);
            if (nonce != null) {
                builder.setResponseExtensions(new Extensions(nonce));
            }
            X509CertificateHolder[] chain = {new X509CertificateHolder(responder.certificate().getEncoded())};
            BasicOCSPResp basic = builder.build(CertificateAuthority.contentSigner(responder.privateKey()), chain, thisUpdate);
            return new OCSPRespBuilder().build(OCSPRespBuilder.SUCCESSFUL, basic).getEncoded();
        } catch (OCSPException | OperatorCreationException | IOException | java.security.cert.CertificateEncodingException e) {
            return status(OCSPRespBuilder.INTERNAL_ERROR);
        }
    }

    private CertificateStatus statusOf(CertificateID id, X509CertificateHolder caHolder, DigestCalculatorProvider digests) throws OCSPException, OperatorCreationException {
        CertificateID asked = id;
        if (!asked.matchesIssuer(caHolder, digests) || !ca.hasIssued(asked.getSerialNumber())) {
            return new UnknownStatus();
        }
        Optional<Revocation> revocation = ca.revocationOf(asked.getSerialNumber());
        if (revocation.isEmpty()) {
            return CertificateStatus.GOOD;
        }
        return new RevokedStatus(new RevokedInfo(new ASN1GeneralizedTime(Date.from(revocation.get().revokedAt())),
                CRLReason.lookup(revocation.get().reason())));
    }

    public X509Certificate responderCertificate() {
        return responder.certificate();
    }

    private static byte[] status(int status) {
        try {
            return new OCSPRespBuilder().build(status, null).getEncoded();
        } catch (IOException | OCSPException e) {
            throw new IllegalStateException(e);
        }
    }

    SigningCredential credential() {
        return responder;
    }
}
