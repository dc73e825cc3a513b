package kz.tirkeu.pki.json;

import kz.tirkeu.pki.InvalidInputException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.erdtman.jcs.JsonCanonicalizer;

/**
 * RFC 8785 (JSON Canonicalization Scheme): the one byte form of a JSON value that everything signed
 * by the platform uses, so that the same facts always give the same bytes to sign and to verify.
 */
public final class CanonicalJson {
    private CanonicalJson() {}

    /** The canonical UTF-8 bytes of a JSON text; throws {@link IllegalArgumentException} on malformed JSON. */
    public static byte[] canonicalize(String json) {
        try {
            return new JsonCanonicalizer(json).getEncodedUTF8();
        } catch (IOException | RuntimeException e) {
            throw new InvalidInputException("not valid JSON: " + e.getMessage(), e);
        }
    }

    /** Whether the bytes are already the canonical form of the JSON they hold. */
    public static boolean isCanonical(byte[] utf8) {
        try {
            return Arrays.equals(canonicalize(new String(utf8, StandardCharsets.UTF_8)), utf8);
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
