package kz.tirkeu.pki.crypto;

import java.security.PrivateKey;
import java.security.PublicKey;
import java.util.Set;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.operator.ContentSigner;
import org.bouncycastle.operator.ContentVerifierProvider;
import org.bouncycastle.operator.DefaultDigestAlgorithmIdentifierFinder;
import org.bouncycastle.operator.DefaultSignatureAlgorithmIdentifierFinder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.operator.jcajce.JcaContentVerifierProviderBuilder;

/** A signature algorithm available through the JCA with the BouncyCastle provider. */
record JcaSignatureAlgorithm(
        String name,
        String jcaName,
        String keyAlgorithm,
        Set<String> signerInfoOids,
        String digestOid) implements SignatureAlgorithm {

    @Override
    public AlgorithmIdentifier signatureAlgorithmIdentifier() {
        return new DefaultSignatureAlgorithmIdentifierFinder().find(jcaName);
    }

    @Override
    public AlgorithmIdentifier digestAlgorithmIdentifier() {
        return new DefaultDigestAlgorithmIdentifierFinder().find(signatureAlgorithmIdentifier());
    }

    @Override
    public boolean canSignWith(PrivateKey key) {
        return keyAlgorithm.equalsIgnoreCase(key.getAlgorithm())
                || ("EC".equals(keyAlgorithm) && "ECDSA".equalsIgnoreCase(key.getAlgorithm()));
    }

    @Override
    public boolean matchesSignerInfo(String signatureAlgorithmOid, String digestAlgorithmOid) {
        return signerInfoOids.contains(signatureAlgorithmOid) && digestOid.equals(digestAlgorithmOid);
    }

    @Override
    public ContentSigner contentSigner(PrivateKey key) {
        try {
            return new JcaContentSignerBuilder(jcaName).setProvider(BouncyCastle.PROVIDER).build(key);
        } catch (OperatorCreationException e) {
            throw new IllegalStateException("cannot sign with " + name, e);
        }
    }

    @Override
    public ContentVerifierProvider contentVerifier(PublicKey key) {
        try {
            return new JcaContentVerifierProviderBuilder().setProvider(BouncyCastle.PROVIDER).build(key);
        } catch (OperatorCreationException e) {
            throw new IllegalStateException("cannot verify with " + name, e);
        }
    }
}
