package kz.tirkeu.sandbox.persona;

import java.security.cert.X509Certificate;
import java.util.Locale;
import kz.tirkeu.pki.cert.KeyPurpose;
import kz.tirkeu.pki.crypto.SigningCredential;

/**
 * One of a persona's keys as the tester downloads it: the PKCS#12 file, protected by
 * {@link PersonaKeyFiles#PASSWORD} like the НУЦ's test keys, and the credential it holds.
 */
public record PersonaKey(Persona persona, KeyPurpose purpose, SigningCredential credential, byte[] pkcs12) {

    public X509Certificate certificate() {
        return credential.certificate();
    }

    /** "auth" or "sign": the name of the key in URLs and files. */
    public String fileStem() {
        return fileStem(purpose);
    }

    static String fileStem(KeyPurpose purpose) {
        return purpose.name().toLowerCase(Locale.ROOT);
    }
}
