package kz.tirkeu.identity.session;

import java.security.SecureRandom;
import java.time.Instant;
import java.util.Base64;
import kz.tirkeu.pki.cms.Digests;
import org.springframework.modulith.NamedInterface;

/** The secret a client presents (cookie or bearer). Only its SHA-256 is stored. */
@NamedInterface("sessions")
public record SessionToken(String value, Instant expiresAt) {

    private static final SecureRandom RANDOM = new SecureRandom();

    static String newValue() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    static byte[] hash(String value) {
        return Digests.sha256(value.getBytes(java.nio.charset.StandardCharsets.US_ASCII));
    }

    @Override
    public String toString() {
        return "SessionToken[expiresAt=" + expiresAt + "]";
    }
}
