package kz.tirkeu.pki.crypto;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;

/**
 * A private key with its certificate chain, the key's own certificate first, up to the root where the
 * key file has it: what a person holds on their token or in their PKCS#12 file. Only the key
 * holder's side ever has one. Signers leave the root out of what they send; relying parties bring their own.
 */
public record SigningCredential(PrivateKey privateKey, X509Certificate certificate, List<X509Certificate> chain) {

    public SigningCredential {
        chain = List.copyOf(chain);
    }

    /** Loads the first key entry of a PKCS#12 file, like NCALayer opening a key file. */
    public static SigningCredential fromPkcs12(byte[] pkcs12, char[] password) {
        try {
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(new ByteArrayInputStream(pkcs12), password);
            for (String alias : Collections.list(store.aliases())) {
                if (store.isKeyEntry(alias)) {
                    PrivateKey key = (PrivateKey) store.getKey(alias, password);
                    Certificate[] chain = store.getCertificateChain(alias);
                    List<X509Certificate> x509Chain = Arrays.stream(chain).map(X509Certificate.class::cast).toList();
                    return new SigningCredential(key, x509Chain.getFirst(), x509Chain);
                }
            }
            throw new IllegalArgumentException("the PKCS#12 file holds no private key");
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot open the PKCS#12 file: wrong password or not a PKCS#12 file", e);
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("cannot read the key in the PKCS#12 file: " + e.getMessage(), e);
        }
    }

    /** Writes this credential as a password-protected PKCS#12 file. */
    public byte[] toPkcs12(String alias, char[] password) {
        try {
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(null, null);
            store.setKeyEntry(alias, privateKey, password, chain.toArray(new Certificate[0]));
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            store.store(out, password);
            return out.toByteArray();
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalStateException("cannot write a PKCS#12 file", e);
        }
    }
}
