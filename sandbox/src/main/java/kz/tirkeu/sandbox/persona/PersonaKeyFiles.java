package kz.tirkeu.sandbox.persona;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import kz.tirkeu.pki.cert.KeyPurpose;
import kz.tirkeu.pki.crypto.SigningCredential;
import kz.tirkeu.sandbox.AtomicFiles;

/** The personas' key files on disk: {@code <personas>/<id>/auth.p12} and {@code sign.p12}. */
final class PersonaKeyFiles {

    /** The password of every persona key file: the one the НУЦ uses for its published test keys. */
    static final String PASSWORD = "Qwerty12";

    private final Path dir;

    PersonaKeyFiles(Path dir) {
        this.dir = dir;
    }

    Optional<byte[]> read(Persona persona, KeyPurpose purpose) {
        Path file = fileOf(persona, purpose);
        try {
            return Files.exists(file) ? Optional.of(Files.readAllBytes(file)) : Optional.empty();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the key file " + file, e);
        }
    }

    /** Encodes the credential as the persona's PKCS#12 file and writes it, replacing the previous one. */
    PersonaKey write(Persona persona, KeyPurpose purpose, SigningCredential credential) {
        byte[] pkcs12 = credential.toPkcs12(persona.id() + "-" + PersonaKey.fileStem(purpose), PASSWORD.toCharArray());
        Path file = fileOf(persona, purpose);
        try {
            AtomicFiles.write(file, pkcs12);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the key file " + file, e);
        }
        return new PersonaKey(persona, purpose, credential, pkcs12);
    }

    static SigningCredential open(byte[] pkcs12) {
        return SigningCredential.fromPkcs12(pkcs12, PASSWORD.toCharArray());
    }

    private Path fileOf(Persona persona, KeyPurpose purpose) {
        return dir.resolve(persona.id()).resolve(PersonaKey.fileStem(purpose) + ".p12");
    }
}
