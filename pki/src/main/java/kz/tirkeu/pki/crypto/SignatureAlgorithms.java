package kz.tirkeu.pki.crypto;

import java.security.PrivateKey;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.bouncycastle.asn1.nist.NISTObjectIdentifiers;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.x9.X9ObjectIdentifiers;

/**
 * The allow-list of signature algorithms. Anything not listed here (SHA-1, MD5, unknown OIDs) is
 * refused as a cryptographic constraint failure rather than silently verified.
 */
public final class SignatureAlgorithms {

    public static final SignatureAlgorithm RSA_SHA256 = new JcaSignatureAlgorithm(
            "RSA-SHA256", "SHA256withRSA", "RSA",
            Set.of(PKCSObjectIdentifiers.sha256WithRSAEncryption.getId(), PKCSObjectIdentifiers.rsaEncryption.getId()),
            NISTObjectIdentifiers.id_sha256.getId());

    public static final SignatureAlgorithm ECDSA_P256_SHA256 = new JcaSignatureAlgorithm(
            "ECDSA-P256-SHA256", "SHA256withECDSA", "EC",
            Set.of(X9ObjectIdentifiers.ecdsa_with_SHA256.getId()),
            NISTObjectIdentifiers.id_sha256.getId());

    private final List<SignatureAlgorithm> accepted;

    public SignatureAlgorithms(List<SignatureAlgorithm> accepted) {
        this.accepted = List.copyOf(accepted);
    }

    /** RSA-SHA256 and ECDSA P-256; GOST 34.10-2015 joins when its provider is configured. */
    public static SignatureAlgorithms defaults() {
        return new SignatureAlgorithms(List.of(RSA_SHA256, ECDSA_P256_SHA256));
    }

    public SignatureAlgorithm forKey(PrivateKey key) {
        return accepted.stream()
                .filter(a -> a.canSignWith(key))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no accepted signature algorithm for a " + key.getAlgorithm() + " key"));
    }

    public Optional<SignatureAlgorithm> forSignerInfo(String signatureAlgorithmOid, String digestAlgorithmOid) {
        return accepted.stream().filter(a -> a.matchesSignerInfo(signatureAlgorithmOid, digestAlgorithmOid)).findFirst();
    }
}
