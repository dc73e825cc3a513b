package kz.tirkeu.pki.crypto;

import java.security.PrivateKey;
import java.security.PublicKey;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.operator.ContentSigner;
import org.bouncycastle.operator.ContentVerifierProvider;

/**
 * One signature algorithm the platform accepts. Signing and verification go through this interface
 * so that GOST R 34.10-2015 (OIDs 1.2.398.3.10.1.1.2.3.x), which needs the national crypto provider,
 * can be added as one more implementation without touching CMS or validation code.
 */
public interface SignatureAlgorithm {

    /** Human-readable name for reports, e.g. "RSA-SHA256". */
    String name();

    /** The OID that appears as signatureAlgorithm in a SignerInfo or certificate. */
    AlgorithmIdentifier signatureAlgorithmIdentifier();

    /** The digest algorithm this signature algorithm pairs with. */
    AlgorithmIdentifier digestAlgorithmIdentifier();

    /** Whether this algorithm signs with the given private key. */
    boolean canSignWith(PrivateKey key);

    /**
     * Whether a SignerInfo's signature algorithm identifier denotes this algorithm. CMS writers
     * differ: for RSA some put rsaEncryption, others sha256WithRSAEncryption.
     */
    boolean matchesSignerInfo(String signatureAlgorithmOid, String digestAlgorithmOid);

    ContentSigner contentSigner(PrivateKey key);

    ContentVerifierProvider contentVerifier(PublicKey key);
}
