package kz.tirkeu.pki.cms;

import kz.tirkeu.pki.InvalidInputException;
import java.io.IOException;
import java.math.BigInteger;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.util.Date;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import kz.tirkeu.pki.crypto.BouncyCastle;
import kz.tirkeu.pki.crypto.SignatureAlgorithm;
import kz.tirkeu.pki.crypto.SignatureAlgorithms;
import kz.tirkeu.pki.crypto.SigningCredential;
import kz.tirkeu.pki.tsp.TimeStampSource;
import org.bouncycastle.asn1.ASN1EncodableVector;
import org.bouncycastle.asn1.DERSet;
import org.bouncycastle.asn1.cms.CMSAttributes;
import org.bouncycastle.asn1.cms.Time;
import org.bouncycastle.asn1.cms.Attribute;
import org.bouncycastle.asn1.cms.AttributeTable;
import org.bouncycastle.asn1.ess.ESSCertIDv2;
import org.bouncycastle.asn1.ess.SigningCertificateV2;
import org.bouncycastle.asn1.nist.NISTObjectIdentifiers;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.IssuerSerial;
import org.bouncycastle.cert.jcajce.JcaCertStore;
import org.bouncycastle.cert.jcajce.JcaX509CertificateHolder;
import org.bouncycastle.cms.CMSException;
import org.bouncycastle.cms.CMSProcessableByteArray;
import org.bouncycastle.cms.CMSSignedData;
import org.bouncycastle.cms.CMSSignedDataGenerator;
import org.bouncycastle.cms.DefaultSignedAttributeTableGenerator;
import org.bouncycastle.cms.SignerInformation;
import org.bouncycastle.cms.SignerInformationStore;
import org.bouncycastle.cms.jcajce.JcaSignerInfoGeneratorBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;
import org.bouncycastle.tsp.TimeStampToken;

/**
 * Makes CAdES-BES signatures (CMS SignedData with the signing-certificate-v2 attribute), attached or
 * detached, and upgrades them to CAdES-T by adding a signature time-stamp. This is the key holder's
 * side: in production the person's NCALayer does this with their own key; the sandbox signer and
 * the platform's own documents use this class.
 */
public final class CadesSigner {

    private final SignatureAlgorithms algorithms;
    private final Clock clock;

    public CadesSigner(SignatureAlgorithms algorithms, Clock clock) {
        this.algorithms = algorithms;
        this.clock = clock;
    }

    public static CadesSigner withDefaultAlgorithms() {
        return new CadesSigner(SignatureAlgorithms.defaults(), Clock.systemUTC());
    }

    /** CAdES-BES over the content; CAdES-T when a time-stamp source is given. */
    public byte[] sign(byte[] content, SigningCredential credential, Packaging packaging, Optional<TimeStampSource> timeStamps) {
        SignatureAlgorithm algorithm = algorithms.forKey(credential.privateKey());
        try {
            CMSSignedDataGenerator generator = new CMSSignedDataGenerator();
            generator.addSignerInfoGenerator(new JcaSignerInfoGeneratorBuilder(
                    new JcaDigestCalculatorProviderBuilder().setProvider(BouncyCastle.PROVIDER).build())
                    .setSignedAttributeGenerator(new DefaultSignedAttributeTableGenerator(signedAttributes(credential.certificate())))
                    .build(algorithm.contentSigner(credential.privateKey()), credential.certificate()));
            generator.addCertificates(new JcaCertStore(withoutRoot(credential.chain())));
            CMSSignedData signed = generator.generate(new CMSProcessableByteArray(content), packaging == Packaging.ATTACHED);
            if (timeStamps.isPresent()) {
                signed = addSignatureTimeStamps(signed, timeStamps.get());
            }
            return signed.getEncoded("DER");
        } catch (CMSException | OperatorCreationException | CertificateEncodingException | IOException e) {
            throw new IllegalStateException("cannot sign: " + e.getMessage(), e);
        }
    }

    /**
     * Adds a signature time-stamp (id-aa-signatureTimeStampToken) to every signer that has none:
     * CAdES-BES becomes CAdES-T. The time-stamp covers the signature value, so it proves the
     * signature existed at that time, which is what lets it outlive the certificate's revocation.
     */
    public static byte[] addSignatureTimeStamps(byte[] cms, TimeStampSource timeStamps) {
        try {
            return addSignatureTimeStamps(new CMSSignedData(cms), timeStamps).getEncoded("DER");
        } catch (CMSException | IOException e) {
            throw new InvalidInputException("not a CMS SignedData: " + e.getMessage(), e);
        }
    }

    static CMSSignedData addSignatureTimeStamps(CMSSignedData signed, TimeStampSource timeStamps) throws IOException {
        List<SignerInformation> stamped = new ArrayList<>();
        for (SignerInformation signer : signed.getSignerInfos().getSigners()) {
            AttributeTable unsigned = Optional.ofNullable(signer.getUnsignedAttributes()).orElseGet(() -> new AttributeTable(new ASN1EncodableVector()));
            if (unsigned.get(PKCSObjectIdentifiers.id_aa_signatureTimeStampToken) != null) {
                stamped.add(signer);
                continue;
            }
            TimeStampToken token = timeStamps.timeStamp(Digests.sha256(signer.getSignature()));
            Attribute attribute = new Attribute(PKCSObjectIdentifiers.id_aa_signatureTimeStampToken,
                    new DERSet(token.toCMSSignedData().toASN1Structure()));
            stamped.add(SignerInformation.replaceUnsignedAttributes(signer, unsigned.add(attribute.getAttrType(), attribute.getAttrValues().getObjectAt(0))));
        }
        return CMSSignedData.replaceSigners(signed, new SignerInformationStore(stamped));
    }

    /** signing-time from our clock, and signing-certificate-v2; content type and message digest are added by BouncyCastle. */
    private AttributeTable signedAttributes(X509Certificate cert) throws CertificateEncodingException {
        X500Name issuer = new JcaX509CertificateHolder(cert).getIssuer();
        BigInteger serial = cert.getSerialNumber();
        ESSCertIDv2 id = new ESSCertIDv2(new AlgorithmIdentifier(NISTObjectIdentifiers.id_sha256),
                Digests.sha256(cert.getEncoded()),
                new IssuerSerial(new GeneralNames(new GeneralName(issuer)), serial));
        ASN1EncodableVector attributes = new ASN1EncodableVector();
        attributes.add(new Attribute(CMSAttributes.signingTime, new DERSet(new Time(Date.from(clock.instant())))));
        attributes.add(new Attribute(PKCSObjectIdentifiers.id_aa_signingCertificateV2,
                new DERSet(new SigningCertificateV2(new ESSCertIDv2[] {id}))));
        return new AttributeTable(attributes);
    }

    /** The chain without its self-signed root: the relying party must have the root already, as a trust anchor. */
    private static List<X509Certificate> withoutRoot(List<X509Certificate> chain) {
        return chain.stream()
                .filter(c -> !c.getSubjectX500Principal().equals(c.getIssuerX500Principal()))
                .toList();
    }
}
