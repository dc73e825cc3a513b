package kz.tirkeu.examples.partner;

import java.io.ByteArrayInputStream;
import java.math.BigInteger;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.MessageDigest;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Date;
import java.util.List;
import org.bouncycastle.asn1.ASN1EncodableVector;
import org.bouncycastle.asn1.DERSet;
import org.bouncycastle.asn1.cms.Attribute;
import org.bouncycastle.asn1.cms.AttributeTable;
import org.bouncycastle.asn1.cms.CMSAttributes;
import org.bouncycastle.asn1.cms.Time;
import org.bouncycastle.asn1.ess.ESSCertIDv2;
import org.bouncycastle.asn1.ess.SigningCertificateV2;
import org.bouncycastle.asn1.nist.NISTObjectIdentifiers;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.IssuerSerial;
import org.bouncycastle.cert.jcajce.JcaCertStore;
import org.bouncycastle.cert.jcajce.JcaX509CertificateHolder;
import org.bouncycastle.cms.CMSProcessableByteArray;
import org.bouncycastle.cms.CMSSignedDataGenerator;
import org.bouncycastle.cms.DefaultSignedAttributeTableGenerator;
import org.bouncycastle.cms.jcajce.JcaSignerInfoGeneratorBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;

/**
 * What NCALayer does on a person's computer, done here with a key file: a CAdES-BES signature (CMS, attached) over the
 * exact bytes Tirkeu gave to sign. Two things Tirkeu needs that are easy to miss: the CMS carries the certificate chain
 * up to (not including) the root — the intermediate CA's certificate too — and signs {@code dataToSign} decoded from
 * base64, byte for byte.
 */
public final class Signer {

    private final PrivateKey key;
    private final X509Certificate certificate;
    private final List<X509Certificate> chainWithoutRoot;

    private Signer(PrivateKey key, X509Certificate certificate, List<X509Certificate> chainWithoutRoot) {
        this.key = key;
        this.certificate = certificate;
        this.chainWithoutRoot = chainWithoutRoot;
    }

    /** A PKCS#12 key file, as the sandbox hands out for its personas (and НУЦ РК issues for real people). */
    public static Signer fromPkcs12(byte[] file, char[] password) throws Exception {
        KeyStore store = KeyStore.getInstance("PKCS12");
        store.load(new ByteArrayInputStream(file), password);
        for (String alias : Collections.list(store.aliases())) {
            if (store.isKeyEntry(alias)) {
                List<X509Certificate> chain = new ArrayList<>();
                for (Certificate c : store.getCertificateChain(alias)) {
                    X509Certificate x = (X509Certificate) c;
                    if (!x.getSubjectX500Principal().equals(x.getIssuerX500Principal())) {
                        chain.add(x);
                    }
                }
                return new Signer((PrivateKey) store.getKey(alias, password), (X509Certificate) store.getCertificate(alias), chain);
            }
        }
        throw new IllegalArgumentException("the key file holds no key");
    }

    public X509Certificate certificate() {
        return certificate;
    }

    /** The CMS over these bytes, DER. */
    public byte[] sign(byte[] content) throws Exception {
        String algorithm = "EC".equals(key.getAlgorithm()) ? "SHA256withECDSA" : "SHA256withRSA";
        CMSSignedDataGenerator generator = new CMSSignedDataGenerator();
        generator.addSignerInfoGenerator(new JcaSignerInfoGeneratorBuilder(new JcaDigestCalculatorProviderBuilder().build())
                .setSignedAttributeGenerator(new DefaultSignedAttributeTableGenerator(signedAttributes()))
                .build(new JcaContentSignerBuilder(algorithm).build(key), certificate));
        generator.addCertificates(new JcaCertStore(chainWithoutRoot));
        return generator.generate(new CMSProcessableByteArray(content), true).getEncoded("DER");
    }

    /** signing-time, and signing-certificate-v2 (which certificate signed: CAdES-BES requires it). */
    private AttributeTable signedAttributes() throws Exception {
        BigInteger serial = certificate.getSerialNumber();
        ESSCertIDv2 id = new ESSCertIDv2(new AlgorithmIdentifier(NISTObjectIdentifiers.id_sha256),
                MessageDigest.getInstance("SHA-256").digest(certificate.getEncoded()),
                new IssuerSerial(new GeneralNames(new GeneralName(new JcaX509CertificateHolder(certificate).getIssuer())), serial));
        ASN1EncodableVector attributes = new ASN1EncodableVector();
        attributes.add(new Attribute(CMSAttributes.signingTime, new DERSet(new Time(new Date()))));
        attributes.add(new Attribute(PKCSObjectIdentifiers.id_aa_signingCertificateV2, new DERSet(new SigningCertificateV2(new ESSCertIDv2[] {id}))));
        return new AttributeTable(attributes);
    }
}
