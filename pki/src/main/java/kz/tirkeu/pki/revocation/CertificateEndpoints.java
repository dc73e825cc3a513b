package kz.tirkeu.pki.revocation;

import java.net.URI;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import org.bouncycastle.asn1.ASN1IA5String;
import org.bouncycastle.asn1.x509.AccessDescription;
import org.bouncycastle.asn1.x509.AuthorityInformationAccess;
import org.bouncycastle.asn1.x509.CRLDistPoint;
import org.bouncycastle.asn1.x509.DistributionPoint;
import org.bouncycastle.asn1.x509.DistributionPointName;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;

/** The OCSP and CRL addresses a certificate names (authority information access, CRL distribution points). */
final class CertificateEndpoints {

    private CertificateEndpoints() {}

    static List<URI> ocsp(X509Certificate cert) {
        List<URI> result = new ArrayList<>();
        byte[] value = cert.getExtensionValue(Extension.authorityInfoAccess.getId());
        if (value == null) {
            return result;
        }
        try {
            AuthorityInformationAccess aia = AuthorityInformationAccess.getInstance(JcaX509ExtensionUtils.parseExtensionValue(value));
            for (AccessDescription access : aia.getAccessDescriptions()) {
                if (access.getAccessMethod().equals(AccessDescription.id_ad_ocsp)) {
                    uriOf(access.getAccessLocation(), result);
                }
            }
        } catch (java.io.IOException | RuntimeException e) {
            // an unreadable extension names no responder
        }
        return result;
    }

    static List<URI> crl(X509Certificate cert) {
        List<URI> result = new ArrayList<>();
        byte[] value = cert.getExtensionValue(Extension.cRLDistributionPoints.getId());
        if (value == null) {
            return result;
        }
        try {
            CRLDistPoint points = CRLDistPoint.getInstance(JcaX509ExtensionUtils.parseExtensionValue(value));
            for (DistributionPoint point : points.getDistributionPoints()) {
                DistributionPointName name = point.getDistributionPoint();
                if (name != null && name.getType() == DistributionPointName.FULL_NAME) {
                    for (GeneralName general : GeneralNames.getInstance(name.getName()).getNames()) {
                        uriOf(general, result);
                    }
                }
            }
        } catch (java.io.IOException | RuntimeException e) {
            // an unreadable extension names no CRL
        }
        return result;
    }

    private static void uriOf(GeneralName name, List<URI> into) {
        if (name.getTagNo() == GeneralName.uniformResourceIdentifier) {
            try {
                into.add(URI.create(ASN1IA5String.getInstance(name.getName()).getString()));
            } catch (IllegalArgumentException e) {
                // not a usable address
            }
        }
    }
}
