package kz.tirkeu.partner.client;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;
import kz.tirkeu.partner.PartnerProperties;
import kz.tirkeu.pki.cms.Digests;
import kz.tirkeu.pki.identity.Bin;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Partner access tokens: opaque and random, kept in PostgreSQL by their SHA-256 like sessions, so that any server
 * instance accepts them and disabling a partner ends them at once. Each begins with {@value #PREFIX}, which no
 * session token (base64url) contains, so a request is told apart without a query.
 */
@Repository
public class AccessTokens {

    public static final String PREFIX = "tp.";
    private static final SecureRandom RANDOM = new SecureRandom();

    private final JdbcClient db;
    private final PartnerProperties properties;
    private final Clock clock;

    AccessTokens(JdbcClient db, PartnerProperties properties, Clock clock) {
        this.db = db;
        this.properties = properties;
        this.clock = clock;
    }

    public record Issued(String value, Instant expiresAt, long expiresInSeconds) {
        @Override
        public String toString() {
            return "Issued[expiresAt=" + expiresAt + "]";
        }
    }

    Issued issue(String clientId) {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        String token = PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        Instant now = clock.instant();
        Instant expiresAt = now.plus(properties.accessTokenLifetime());
        db.sql("insert into partner_access_token (token_hash, client_id, issued_at, expires_at) values (?, ?, ?, ?)")
                .params(hash(token), clientId, PartnerClients.utc(now), PartnerClients.utc(expiresAt)).update();
        return new Issued(token, expiresAt, properties.accessTokenLifetime().toSeconds());
    }

    public static boolean looksLikeOne(String token) {
        return token.startsWith(PREFIX);
    }

    /** The enabled partner a token was issued to, if the token is known and not expired. */
    public Optional<PartnerCaller> authenticate(String token) {
        return db.sql("""
                        select c.client_id, c.bin, c.name, c.requests_per_minute
                          from partner_access_token t join partner_client c on c.client_id = t.client_id
                         where t.token_hash = ? and t.expires_at > ? and c.disabled_at is null""")
                .params(hash(token), PartnerClients.utc(clock.instant()))
                .query((rs, n) -> new PartnerCaller(rs.getString("client_id"), new Bin(rs.getString("bin")), rs.getString("name"),
                        rs.getInt("requests_per_minute")))
                .optional();
    }

    private static byte[] hash(String token) {
        return Digests.sha256(token.getBytes(StandardCharsets.US_ASCII));
    }
}
