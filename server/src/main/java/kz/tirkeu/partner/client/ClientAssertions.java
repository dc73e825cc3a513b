package kz.tirkeu.partner.client;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSVerifier;
import com.nimbusds.jose.crypto.ECDSAVerifier;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.security.PublicKey;
import java.security.interfaces.ECPublicKey;
import java.security.interfaces.RSAPublicKey;
import java.text.ParseException;
import java.time.Clock;
import java.time.Instant;
import java.util.Date;
import java.util.Optional;
import java.util.Set;
import kz.tirkeu.partner.PartnerProperties;
import kz.tirkeu.platform.PlatformAddresses;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * RFC 7523 §3 client authentication ({@code private_key_jwt}, OpenID Connect Core §9): the partner system signs a JWT
 * with its system key; the platform checks it against the certificate registered for the client. What is required:
 * iss = sub = the client id; aud = this token endpoint's address; exp in the future and at most
 * {@code tirkeu.partner.assertion-max-lifetime} away; a jti never seen before from this client (kept until the
 * assertion expires); an asymmetric signature (RS/PS/ES — never "none" nor an HMAC, whose key would be a shared
 * secret) by the registered certificate's key; and that certificate valid and not revoked ({@link SystemCertificates}).
 * The cheap checks come first; the jti is stored only when everything else passed, so a refused assertion stores nothing.
 */
@Component
class ClientAssertions {

    static final String TOKEN_PATH = "/api/v1/partner/token";
    private static final Set<JWSAlgorithm> ACCEPTED = Set.of(JWSAlgorithm.RS256, JWSAlgorithm.RS384, JWSAlgorithm.RS512,
            JWSAlgorithm.PS256, JWSAlgorithm.PS384, JWSAlgorithm.PS512, JWSAlgorithm.ES256, JWSAlgorithm.ES384, JWSAlgorithm.ES512);

    private final PartnerClients clients;
    private final SystemCertificates certificates;
    private final PlatformAddresses addresses;
    private final PartnerProperties properties;
    private final JdbcClient db;
    private final Clock clock;

    ClientAssertions(PartnerClients clients, SystemCertificates certificates, PlatformAddresses addresses, PartnerProperties properties,
                     JdbcClient db, Clock clock) {
        this.clients = clients;
        this.certificates = certificates;
        this.addresses = addresses;
        this.properties = properties;
        this.db = db;
        this.clock = clock;
    }

    /** The token endpoint's address, the audience every assertion must name. */
    String audience() {
        return addresses.publicBase() + TOKEN_PATH;
    }

    /** The client the assertion authenticates; its jti is used up. Call inside the transaction that issues the token. */
    PartnerClient authenticate(String assertion, Optional<String> clientIdParameter) {
        SignedJWT jwt;
        JWTClaimsSet claims;
        try {
            jwt = SignedJWT.parse(assertion);
            claims = jwt.getJWTClaimsSet();
        } catch (ParseException | RuntimeException e) {
            throw OAuthProblem.invalidClient("CLIENT_ASSERTION_MALFORMED", "The client assertion is not a signed JWT (JWS compact form).");
        }
        if (!ACCEPTED.contains(jwt.getHeader().getAlgorithm())) {
            throw OAuthProblem.invalidClient("CLIENT_ASSERTION_ALGORITHM", "The client assertion must be signed with the system key "
                    + "(RS256, PS256 or ES256 and their longer forms); " + jwt.getHeader().getAlgorithm() + " is not accepted.",
                    String.valueOf(jwt.getHeader().getAlgorithm()));
        }
        String clientId = claims.getIssuer();
        if (clientId == null || !clientId.equals(claims.getSubject())) {
            throw OAuthProblem.invalidClient("CLIENT_ASSERTION_ISSUER", "The client assertion's iss and sub must both be your client id.").situation("claims");
        }
        if (clientIdParameter.isPresent() && !clientIdParameter.get().equals(clientId)) {
            throw OAuthProblem.invalidClient("CLIENT_ASSERTION_ISSUER", "The client_id parameter names another client than the assertion's iss and sub.")
                    .situation("parameter");
        }
        PartnerClient client = clients.find(clientId).filter(PartnerClient::enabled).orElseThrow(() -> OAuthProblem.invalidClient("CLIENT_UNKNOWN",
                "No enabled partner system is registered with this client id. Ask the platform's administrator."));
        if (!verified(jwt, client.certificate().getPublicKey())) {
            throw OAuthProblem.invalidClient("CLIENT_ASSERTION_SIGNATURE", "The client assertion is not signed with the key of the certificate "
                    + "registered for " + clientId + ".", clientId);
        }
        if (claims.getAudience() == null || !claims.getAudience().contains(audience())) {
            throw OAuthProblem.invalidClient("CLIENT_ASSERTION_AUDIENCE", "The client assertion's aud must be this token endpoint: " + audience() + ".",
                    audience());
        }
        Instant now = clock.instant();
        Instant expiresAt = instant(claims.getExpirationTime()).orElseThrow(() -> OAuthProblem.invalidClient("CLIENT_ASSERTION_EXPIRED",
                "The client assertion has no exp.").situation("missing"));
        if (!expiresAt.isAfter(now.minus(properties.clockSkew()))) {
            throw OAuthProblem.invalidClient("CLIENT_ASSERTION_EXPIRED", "The client assertion expired at " + expiresAt + ". Make a new one for each request.",
                    expiresAt.toString());
        }
        Instant from = instant(claims.getIssueTime()).filter(iat -> iat.isBefore(now)).orElse(now);
        if (expiresAt.isAfter(from.plus(properties.assertionMaxLifetime()).plus(properties.clockSkew()))) {
            throw OAuthProblem.invalidClient("CLIENT_ASSERTION_TOO_LONG", "A client assertion may live at most "
                    + properties.assertionMaxLifetime().toMinutes() + " minutes (exp after iat).", String.valueOf(properties.assertionMaxLifetime().toMinutes()));
        }
        if (instant(claims.getNotBeforeTime()).filter(nbf -> nbf.isAfter(now.plus(properties.clockSkew()))).isPresent()
                || instant(claims.getIssueTime()).filter(iat -> iat.isAfter(now.plus(properties.clockSkew()))).isPresent()) {
            throw OAuthProblem.invalidClient("CLIENT_ASSERTION_NOT_YET_VALID", "The client assertion's nbf or iat is in the future: check the system's clock.");
        }
        String jti = claims.getJWTID();
        if (jti == null || jti.isBlank() || jti.length() > 200) {
            throw OAuthProblem.invalidClient("CLIENT_ASSERTION_JTI", "The client assertion needs a jti, a unique value of at most 200 characters.");
        }
        certificates.check(client.certificateChain(), client.bin(), HttpStatus.UNAUTHORIZED);
        int stored = db.sql("insert into partner_assertion (client_id, jti, expires_at) values (?, ?, ?) on conflict do nothing")
                .params(clientId, jti, PartnerClients.utc(expiresAt.plus(properties.clockSkew()))).update();
        if (stored == 0) {
            throw OAuthProblem.invalidClient("CLIENT_ASSERTION_REPLAYED", "This client assertion (its jti) was already used. Make a new one for each request.");
        }
        return client;
    }

    private static boolean verified(SignedJWT jwt, PublicKey key) {
        try {
            JWSVerifier verifier = switch (key) {
                case RSAPublicKey rsa -> new RSASSAVerifier(rsa);
                case ECPublicKey ec -> new ECDSAVerifier(ec);
                default -> null;
            };
            return verifier != null && verifier.supportedJWSAlgorithms().contains(jwt.getHeader().getAlgorithm()) && jwt.verify(verifier);
        } catch (JOSEException | RuntimeException e) {
            return false;
        }
    }

    private static Optional<Instant> instant(Date date) {
        return Optional.ofNullable(date).map(Date::toInstant);
    }
}
