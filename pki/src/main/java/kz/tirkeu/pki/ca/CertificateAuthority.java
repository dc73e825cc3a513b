package kz.tirkeu.pki.ca;

import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import kz.tirkeu.pki.cert.KeyPurpose;
import kz.tirkeu.pki.cert.KzRole;
import kz.tirkeu.pki.crypto.BouncyCastle;
import kz.tirkeu.pki.crypto.SigningCredential;
import org.bouncycastle.asn1.ASN1EncodableVector;
import org.bouncycastle.asn1.DERNull;
import org.bouncycastle.asn1.DERSequence;
import org.bouncycastle.asn1.ocsp.OCSPObjectIdentifiers;
import org.bouncycastle.asn1.x509.AccessDescription;
import org.bouncycastle.asn1.x509.AuthorityInformationAccess;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.CRLDistPoint;
import org.bouncycastle.asn1.x509.CRLNumber;
import org.bouncycastle.asn1.x509.DistributionPoint;
import org.bouncycastle.asn1.x509.DistributionPointName;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.CertIOException;
import org.bouncycastle.cert.X509CRLHolder;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.X509v2CRLBuilder;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CRLConverter;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.ContentSigner;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * A certification authority of the CA toolkit: issues certificates shaped like the НУЦ's, keeps the
 * list of what it issued and revoked, and publishes CRLs. {@link OcspResponder} answers for it.
 * The sandbox runs a root and an intermediate made with this class; tests make their own.
 */
public final class CertificateAuthority {

    private static final SecureRandom RANDOM = new SecureRandom();

    private final SigningCredential credential;
    private final CaEndpoints endpointsForIssued;
    private final Map<BigInteger, X509Certificate> issued = new ConcurrentHashMap<>();
    private final Map<BigInteger, Revocation> revoked = new ConcurrentHashMap<>();
    private final AtomicLong crlNumber = new AtomicLong(System.currentTimeMillis());
    private volatile Duration crlValidity = Duration.ofHours(24);

    private CertificateAuthority(SigningCredential credential, CaEndpoints endpointsForIssued) {
        this.credential = credential;
        this.endpointsForIssued = endpointsForIssued;
    }

    /** A new self-signed root CA valid for the given period from now. */
    public static CertificateAuthority createRoot(SubjectSpec subject, KeyAlgorithm keyAlgorithm, Duration validity, CaEndpoints endpointsForIssued) {
        KeyPair keys = keyAlgorithm.generate();
        Instant now = Instant.now().minus(Duration.ofDays(1));
        X509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(subject.name(), newSerial(),
                Date.from(now), Date.from(now.plus(validity)), subject.name(), keys.getPublic());
        try {
            JcaX509ExtensionUtils ext = new JcaX509ExtensionUtils();
            builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(true));
            builder.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign));
            builder.addExtension(Extension.subjectKeyIdentifier, false, ext.createSubjectKeyIdentifier(keys.getPublic()));
        } catch (CertIOException | GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
        X509Certificate cert = sign(builder, keys.getPrivate());
        return new CertificateAuthority(new SigningCredential(keys.getPrivate(), cert, List.of(cert)), endpointsForIssued);
    }

    /** Restores a CA from its key and certificate chain, e.g. after a restart of the sandbox. */
    public static CertificateAuthority restore(SigningCredential credential, CaEndpoints endpointsForIssued) {
        return new CertificateAuthority(credential, endpointsForIssued);
    }

    /** A subordinate CA issued by this one (path length 0: it issues only end-entity certificates). */
    public CertificateAuthority createIntermediate(SubjectSpec subject, KeyAlgorithm keyAlgorithm, Duration validity, CaEndpoints endpointsForIssued) {
        KeyPair keys = keyAlgorithm.generate();
        Instant now = Instant.now().minus(Duration.ofDays(1));
        X509v3CertificateBuilder builder = builder(subject, keys.getPublic(), now, now.plus(validity));
        try {
            builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(0));
            builder.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign));
        } catch (CertIOException e) {
            throw new IllegalStateException(e);
        }
        X509Certificate cert = register(sign(builder, credential.privateKey()));
        List<X509Certificate> chain = new ArrayList<>();
        chain.add(cert);
        chain.addAll(credential.chain());
        return new CertificateAuthority(new SigningCredential(keys.getPrivate(), cert, chain), endpointsForIssued);
    }

    /** Issues an end-entity certificate for a public key whose private half the requester keeps. */
    public X509Certificate issue(CertificateRequest request) {
        X509v3CertificateBuilder builder = builder(request.subject(), request.publicKey(), request.notBefore(), request.notAfter());
        try {
            builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(false));
            addPurpose(builder, request.purpose(), request.roles());
        } catch (CertIOException e) {
            throw new IllegalStateException(e);
        }
        return register(sign(builder, credential.privateKey()));
    }

    /** Generates a key pair and issues its certificate: a test person's key file. */
    public SigningCredential issueCredential(SubjectSpec subject, KeyPurpose purpose, Set<KzRole> roles,
                                             KeyAlgorithm keyAlgorithm, Instant notBefore, Instant notAfter) {
        KeyPair keys = keyAlgorithm.generate();
        X509Certificate cert = issue(new CertificateRequest(subject, keys.getPublic(), purpose, roles, notBefore, notAfter));
        List<X509Certificate> chain = new ArrayList<>();
        chain.add(cert);
        chain.addAll(credential.chain());
        return new SigningCredential(keys.getPrivate(), cert, chain);
    }

    /** Records an issued certificate again, e.g. one restored from disk after a restart. */
    public X509Certificate register(X509Certificate cert) {
        issued.put(cert.getSerialNumber(), cert);
        return cert;
    }

    /** Revokes at once; later OCSP answers and CRLs show it. Revoking twice keeps the first time. */
    public Revocation revoke(BigInteger serial, Instant revokedAt, int reason) {
        return revoked.computeIfAbsent(serial, s -> new Revocation(s, revokedAt, reason));
    }

    public Optional<Revocation> revocationOf(BigInteger serial) {
        return Optional.ofNullable(revoked.get(serial));
    }

    public boolean hasIssued(BigInteger serial) {
        return issued.containsKey(serial);
    }

    public Collection<Revocation> revocations() {
        return List.copyOf(revoked.values());
    }

    public void setCrlValidity(Duration validity) {
        this.crlValidity = validity;
    }

    /** A CRL listing every revocation so far, valid for the configured period. */
    public X509CRL currentCrl() {
        Instant now = Instant.now();
        try {
            X509v2CRLBuilder builder = new X509v2CRLBuilder(holder().getSubject(), Date.from(now));
            builder.setNextUpdate(Date.from(now.plus(crlValidity)));
            for (Revocation r : revoked.values()) {
                builder.addCRLEntry(r.serial(), Date.from(r.revokedAt()), r.reason());
            }
            builder.addExtension(Extension.cRLNumber, false, new CRLNumber(BigInteger.valueOf(crlNumber.incrementAndGet())));
            builder.addExtension(Extension.authorityKeyIdentifier, false,
                    new JcaX509ExtensionUtils().createAuthorityKeyIdentifier(credential.certificate()));
            X509CRLHolder crl = builder.build(contentSigner(credential.privateKey()));
            return new JcaX509CRLConverter().setProvider(BouncyCastle.PROVIDER).getCRL(crl);
        } catch (GeneralSecurityException | CertIOException e) {
            throw new IllegalStateException("cannot publish a CRL", e);
        }
    }

    public X509Certificate certificate() {
        return credential.certificate();
    }

    /** This CA's certificate followed by its issuers' up to the root. */
    public List<X509Certificate> chain() {
        return credential.chain();
    }

    /** The CA's own key: only the CA toolkit and the sandbox that hosts it hold it. */
    public SigningCredential credential() {
        return credential;
    }

    X509CertificateHolder holder() {
        try {
            return new X509CertificateHolder(credential.certificate().getEncoded());
        } catch (java.io.IOException | GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private X509v3CertificateBuilder builder(SubjectSpec subject, PublicKey publicKey, Instant notBefore, Instant notAfter) {
        X509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(holder().getSubject(), newSerial(),
                Date.from(notBefore), Date.from(notAfter), subject.name(), publicKey);
        try {
            JcaX509ExtensionUtils ext = new JcaX509ExtensionUtils();
            builder.addExtension(Extension.subjectKeyIdentifier, false, ext.createSubjectKeyIdentifier(publicKey));
            builder.addExtension(Extension.authorityKeyIdentifier, false, ext.createAuthorityKeyIdentifier(credential.certificate()));
            addEndpoints(builder);
        } catch (CertIOException | GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
        return builder;
    }

    private void addEndpoints(X509v3CertificateBuilder builder) throws CertIOException {
        List<AccessDescription> access = new ArrayList<>();
        endpointsForIssued.ocsp().ifPresent(uri -> access.add(new AccessDescription(AccessDescription.id_ad_ocsp, uri(uri))));
        endpointsForIssued.caIssuers().ifPresent(uri -> access.add(new AccessDescription(AccessDescription.id_ad_caIssuers, uri(uri))));
        if (!access.isEmpty()) {
            builder.addExtension(Extension.authorityInfoAccess, false,
                    new AuthorityInformationAccess(access.toArray(new AccessDescription[0])));
        }
        if (endpointsForIssued.crl().isPresent()) {
            DistributionPoint point = new DistributionPoint(
                    new DistributionPointName(new GeneralNames(uri(endpointsForIssued.crl().get()))), null, null);
            builder.addExtension(Extension.cRLDistributionPoints, false, new CRLDistPoint(new DistributionPoint[] {point}));
        }
    }

    private static void addPurpose(X509v3CertificateBuilder builder, KeyPurpose purpose, Set<KzRole> roles) throws CertIOException {
        ASN1EncodableVector eku = new ASN1EncodableVector();
        switch (purpose) {
            case AUTH -> {
                builder.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature | KeyUsage.keyEncipherment));
                eku.add(KeyPurposeId.id_kp_clientAuth);
            }
            case SIGN -> {
                builder.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature | KeyUsage.nonRepudiation));
                eku.add(KeyPurposeId.id_kp_emailProtection);
            }
            case TIME_STAMPING -> {
                builder.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature | KeyUsage.nonRepudiation));
                // RFC 3161 §2.3: the TSA's certificate has exactly one, critical, extended key usage.
                builder.addExtension(Extension.extendedKeyUsage, true, new ExtendedKeyUsage(KeyPurposeId.id_kp_timeStamping));
                return;
            }
            case OCSP_SIGNING -> {
                builder.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature));
                builder.addExtension(OCSPObjectIdentifiers.id_pkix_ocsp_nocheck, false, DERNull.INSTANCE);
                eku.add(KeyPurposeId.id_kp_OCSPSigning);
            }
            default -> throw new IllegalArgumentException("the CA toolkit does not issue " + purpose + " end-entity certificates");
        }
        roles.stream().sorted().forEach(role -> eku.add(KeyPurposeId.getInstance(role.oid())));
        builder.addExtension(Extension.extendedKeyUsage, false, ExtendedKeyUsage.getInstance(new DERSequence(eku)));
    }

    private static X509Certificate sign(X509v3CertificateBuilder builder, PrivateKey issuerKey) {
        try {
            return new JcaX509CertificateConverter().setProvider(BouncyCastle.PROVIDER)
                    .getCertificate(builder.build(contentSigner(issuerKey)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot sign a certificate", e);
        }
    }

    static ContentSigner contentSigner(PrivateKey issuerKey) {
        try {
            return new JcaContentSignerBuilder(KeyAlgorithm.certificateSignatureFor(issuerKey))
                    .setProvider(BouncyCastle.PROVIDER).build(issuerKey);
        } catch (OperatorCreationException e) {
            throw new IllegalStateException(e);
        }
    }

    private static GeneralName uri(java.net.URI uri) {
        return new GeneralName(GeneralName.uniformResourceIdentifier, uri.toString());
    }

    private static BigInteger newSerial() {
        return new BigInteger(127, RANDOM).add(BigInteger.ONE);
    }
}
