package kz.tirkeu.pki.document;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import kz.tirkeu.pki.cms.CadesSigner;
import kz.tirkeu.pki.cms.Packaging;
import kz.tirkeu.pki.crypto.SigningCredential;
import kz.tirkeu.pki.json.CanonicalJson;
import kz.tirkeu.pki.revocation.RevocationEvidence;
import kz.tirkeu.pki.tsp.TimeStampSource;
import kz.tirkeu.pki.validation.ExpectedSigner;
import kz.tirkeu.pki.validation.SignatureValidator;
import kz.tirkeu.pki.validation.SignerReport;
import kz.tirkeu.pki.validation.ValidationReport;
import kz.tirkeu.pki.validation.ValidationRequest;
import org.bouncycastle.asn1.cms.CMSObjectIdentifiers;
import org.bouncycastle.asn1.cms.OtherRevocationInfoFormat;
import org.bouncycastle.asn1.ocsp.OCSPResponse;
import org.bouncycastle.cert.X509CRLHolder;
import org.bouncycastle.cms.CMSException;
import org.bouncycastle.cms.CMSSignedData;
import org.bouncycastle.util.CollectionStore;

/**
 * Issues signed digital documents (Digital Code Arts. 35–36): RFC 8785 canonical JSON, signed as
 * CAdES-T in one CMS file that also carries the OCSP responses and CRLs its validation rested on.
 * With those inside, the document verifies years later, offline, with nothing but the CA's root.
 *
 * <p>Every document is validated before it leaves, so the platform can never hand out one that
 * would not verify.
 */
public final class DigitalDocumentIssuer {

    private final CadesSigner signer;
    private final TimeStampSource timeStamps;
    private final SignatureValidator validator;

    public DigitalDocumentIssuer(CadesSigner signer, TimeStampSource timeStamps, SignatureValidator validator) {
        this.signer = signer;
        this.timeStamps = timeStamps;
        this.validator = validator;
    }

    /**
     * @param json     the document's content; it is canonicalised before signing
     * @param expected who the issuer's key must belong to (e.g. the platform's BIN)
     * @throws DocumentNotIssuedException when the fresh signature does not validate (e.g. the CA is unreachable)
     */
    public byte[] issue(String json, SigningCredential credential, ExpectedSigner expected) {
        byte[] content = CanonicalJson.canonicalize(json);
        byte[] cms = signer.sign(content, credential, Packaging.ATTACHED, Optional.of(timeStamps));
        ValidationReport report = validator.validate(ValidationRequest.of(cms).expecting(expected).requiringTimeStamp());
        if (!report.passed()) {
            throw new DocumentNotIssuedException(report);
        }
        return withRevocationEvidence(cms, report);
    }

    private static byte[] withRevocationEvidence(byte[] cms, ValidationReport report) {
        List<X509CRLHolder> crls = new ArrayList<>();
        List<Object> revocations = new ArrayList<>();
        try {
            for (SignerReport signerReport : report.signers()) {
                for (RevocationEvidence evidence : signerReport.revocationEvidence()) {
                    switch (evidence.kind()) {
                        case CRL -> crls.add(new X509CRLHolder(evidence.der()));
                        case OCSP_RESPONSE -> revocations.add(new OtherRevocationInfoFormat(
                                CMSObjectIdentifiers.id_ri_ocsp_response, OCSPResponse.getInstance(evidence.der())));
                    }
                }
            }
            revocations.addAll(distinct(crls));
            CMSSignedData signed = new CMSSignedData(cms);
            CMSSignedData withEvidence = CMSSignedData.replaceCertificatesAndCRLs(signed, signed.getCertificates(),
                    signed.getAttributeCertificates(), new CollectionStore<>(revocations));
            return withEvidence.getEncoded("DER");
        } catch (IOException | CMSException e) {
            throw new IllegalStateException("cannot embed revocation evidence: " + e.getMessage(), e);
        }
    }

    private static List<X509CRLHolder> distinct(List<X509CRLHolder> crls) {
        List<X509CRLHolder> unique = new ArrayList<>();
        for (X509CRLHolder crl : crls) {
            if (!unique.contains(crl)) {
                unique.add(crl);
            }
        }
        return unique;
    }
}
