package kz.tirkeu.identity.signin;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.Optional;
import java.util.UUID;
import kz.tirkeu.identity.IdentityProperties;
import kz.tirkeu.pki.json.CanonicalJson;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Issues sign-in challenges and lets each be consumed exactly once, before it expires. */
@Repository
class SignInChallenges {

    private static final SecureRandom RANDOM = new SecureRandom();

    private final JdbcClient db;
    private final IdentityProperties properties;
    private final Clock clock;

    SignInChallenges(JdbcClient db, IdentityProperties properties, Clock clock) {
        this.db = db;
        this.properties = properties;
        this.clock = clock;
    }

    Challenge issue() {
        byte[] nonce = new byte[32];
        RANDOM.nextBytes(nonce);
        UUID id = UUID.randomUUID();
        Instant now = clock.instant();
        Instant expiresAt = now.plus(properties.challengeValidity());
        // Canonical JSON, so a person's NCALayer log shows what they signed and why.
        byte[] data = CanonicalJson.canonicalize("{\"purpose\":\"sign-in\",\"service\":\"Tirkeu\",\"challenge\":\""
                + Base64.getUrlEncoder().withoutPadding().encodeToString(nonce) + "\",\"issuedAt\":\"" + now + "\"}");
        db.sql("insert into sign_in_challenge (id, data_to_sign, created_at, expires_at) values (?, ?, ?, ?)")
                .params(id, data, utc(now), utc(expiresAt))
                .update();
        return new Challenge(id, data, expiresAt);
    }

    /** The challenge's bytes if it is still unused and unexpired; marks it used in the same statement, so two callers cannot both win. */
    Optional<byte[]> consume(UUID id) {
        return db.sql("""
                        update sign_in_challenge set consumed_at = ?
                         where id = ? and consumed_at is null and expires_at > ?
                        returning data_to_sign""")
                .params(utc(clock.instant()), id, utc(clock.instant()))
                .query(byte[].class)
                .optional();
    }

    static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}
