package kz.tirkeu.pki.cert;

import java.security.cert.CertificateEncodingException;
import java.security.cert.CertificateParsingException;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import kz.tirkeu.pki.identity.Bin;
import kz.tirkeu.pki.identity.Iin;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.ASN1String;
import org.bouncycastle.asn1.x500.RDN;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x500.style.IETFUtils;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.cert.jcajce.JcaX509CertificateHolder;

/**
 * A certificate read the Kazakh way (DOMAIN.md §5.6): the IIN from {@code SERIALNUMBER=IIN…}, the BIN
 * from {@code OU=BIN…}, the names, the role OIDs from the extended key usage and the key purpose.
 * Identifiers whose check digit fails are treated as absent, so a malformed certificate can never
 * pass an identity check.
 */
public record KzCertificate(
        X509Certificate x509,
        Optional<Iin> iin,
        Optional<Bin> bin,
        String commonName,
        Optional<String> surname,
        Optional<String> patronymic,
        Optional<String> organisation,
        Set<KzRole> roles,
        KeyPurpose purpose) {

    private static final int DIGITAL_SIGNATURE = 0;
    private static final int NON_REPUDIATION = 1;
    private static final int KEY_ENCIPHERMENT = 2;

    public static KzCertificate of(X509Certificate cert) {
        X500Name subject = subjectOf(cert);
        Optional<String> serialNumber = first(subject, BCStyle.SERIALNUMBER);
        Optional<Iin> iin = serialNumber
                .filter(s -> s.startsWith(KzOids.IIN_PREFIX))
                .map(s -> s.substring(KzOids.IIN_PREFIX.length()))
                .filter(Iin::isValid)
                .map(Iin::new);
        Optional<Bin> bin = all(subject, BCStyle.OU).stream()
                .filter(s -> s.startsWith(KzOids.BIN_PREFIX))
                .map(s -> s.substring(KzOids.BIN_PREFIX.length()))
                .filter(Bin::isValid)
                .map(Bin::new)
                .findFirst();
        return new KzCertificate(cert, iin, bin,
                first(subject, BCStyle.CN).orElse(subject.toString()),
                first(subject, BCStyle.SURNAME),
                first(subject, BCStyle.GIVENNAME),
                first(subject, BCStyle.O),
                rolesOf(cert),
                purposeOf(cert));
    }

    /** The subject's common name (or the whole name when it has none): how people recognise a certificate. */
    public static String displayName(X509Certificate cert) {
        X500Name subject = subjectOf(cert);
        return first(subject, BCStyle.CN).orElse(subject.toString());
    }

    public SubjectKind kind() {
        if (roles.contains(KzRole.LEGAL_ENTITY_EMPLOYEE) && iin.isPresent() && bin.isPresent()) {
            return SubjectKind.LEGAL_ENTITY_EMPLOYEE;
        }
        if (roles.contains(KzRole.INDIVIDUAL) && iin.isPresent()) {
            return SubjectKind.INDIVIDUAL;
        }
        if (bin.isPresent() && iin.isEmpty()) {
            return SubjectKind.ORGANISATION;
        }
        return SubjectKind.OTHER;
    }

    public Instant notBefore() {
        return x509.getNotBefore().toInstant();
    }

    public Instant notAfter() {
        return x509.getNotAfter().toInstant();
    }

    public String serialHex() {
        return x509.getSerialNumber().toString(16);
    }

    public String subjectDn() {
        return subjectOf(x509).toString();
    }

    public String issuerDn() {
        try {
            return new JcaX509CertificateHolder(x509).getIssuer().toString();
        } catch (CertificateEncodingException e) {
            return x509.getIssuerX500Principal().getName();
        }
    }

    private static KeyPurpose purposeOf(X509Certificate cert) {
        if (cert.getBasicConstraints() >= 0) {
            return KeyPurpose.CERTIFICATE_AUTHORITY;
        }
        List<String> eku = extendedKeyUsage(cert);
        if (eku.contains(KeyPurposeId.id_kp_timeStamping.getId())) {
            return KeyPurpose.TIME_STAMPING;
        }
        if (eku.contains(KeyPurposeId.id_kp_OCSPSigning.getId())) {
            return KeyPurpose.OCSP_SIGNING;
        }
        boolean[] usage = cert.getKeyUsage();
        boolean nonRepudiation = usage != null && usage[NON_REPUDIATION];
        boolean digitalSignature = usage != null && usage[DIGITAL_SIGNATURE];
        boolean keyEncipherment = usage != null && usage[KEY_ENCIPHERMENT];
        if (nonRepudiation && !eku.contains(KeyPurposeId.id_kp_clientAuth.getId())) {
            return KeyPurpose.SIGN;
        }
        if (digitalSignature && !nonRepudiation
                && (keyEncipherment || eku.contains(KeyPurposeId.id_kp_clientAuth.getId()))) {
            return KeyPurpose.AUTH;
        }
        return KeyPurpose.OTHER;
    }

    private static Set<KzRole> rolesOf(X509Certificate cert) {
        Set<KzRole> roles = EnumSet.noneOf(KzRole.class);
        for (String oid : extendedKeyUsage(cert)) {
            KzRole.byOid(oid).ifPresent(roles::add);
        }
        return roles;
    }

    private static List<String> extendedKeyUsage(X509Certificate cert) {
        try {
            List<String> eku = cert.getExtendedKeyUsage();
            return eku == null ? List.of() : eku;
        } catch (CertificateParsingException e) {
            return List.of();
        }
    }

    private static X500Name subjectOf(X509Certificate cert) {
        try {
            return new JcaX509CertificateHolder(cert).getSubject();
        } catch (CertificateEncodingException e) {
            return new X500Name(cert.getSubjectX500Principal().getName());
        }
    }

    private static Optional<String> first(X500Name name, ASN1ObjectIdentifier type) {
        return all(name, type).stream().findFirst();
    }

    private static List<String> all(X500Name name, ASN1ObjectIdentifier type) {
        RDN[] rdns = name.getRDNs(type);
        return java.util.Arrays.stream(rdns)
                .map(rdn -> rdn.getFirst().getValue() instanceof ASN1String text
                        ? text.getString()
                        : IETFUtils.valueToString(rdn.getFirst().getValue()))
                .toList();
    }
}
