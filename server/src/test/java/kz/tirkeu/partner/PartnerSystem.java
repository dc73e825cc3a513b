package kz.tirkeu.partner;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.security.PrivateKey;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.Map;
import java.util.UUID;
import java.util.function.UnaryOperator;
import kz.tirkeu.pki.cert.KzCertificate;
import kz.tirkeu.pki.crypto.SigningCredential;
import kz.tirkeu.testing.TirkeuClient;
import kz.tirkeu.testing.TirkeuClient.Reply;

/**
 * A partner system over real HTTP, as a dealer's system would be written: signs RFC 7523 client assertions with its
 * system key, gets access tokens, signs people in through itself and calls the API for them.
 */
final class PartnerSystem {

    final String clientId;
    final PrivateKey key;
    private final TirkeuClient client;
    private final Clock clock;

    PartnerSystem(TirkeuClient client, Clock clock, String clientId, PrivateKey key) {
        this.client = client;
        this.clock = clock;
        this.clientId = clientId;
        this.key = key;
    }

    String audience() {
        return client.base() + "/api/v1/partner/token";
    }

    /** A fresh, valid assertion; {@code change} may spoil it. */
    String assertion(PrivateKey signingKey, UnaryOperator<JWTClaimsSet.Builder> change) {
        Instant now = clock.instant();
        JWTClaimsSet.Builder claims = new JWTClaimsSet.Builder().issuer(clientId).subject(clientId).audience(audience())
                .issueTime(Date.from(now)).expirationTime(Date.from(now.plus(Duration.ofSeconds(60)))).jwtID(UUID.randomUUID().toString());
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).build(), change.apply(claims).build());
        try {
            jwt.sign(new RSASSASigner(signingKey));
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
        return jwt.serialize();
    }

    String assertion() {
        return assertion(key, c -> c);
    }

    Reply tokenWith(String assertion) {
        String form = "grant_type=client_credentials&client_assertion_type=" + enc("urn:ietf:params:oauth:client-assertion-type:jwt-bearer")
                + "&client_assertion=" + enc(assertion);
        return client.send(HttpRequest.newBuilder(URI.create(client.base() + "/api/v1/partner/token"))
                .header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(form)), null);
    }

    String token() {
        Reply reply = tokenWith(assertion());
        assertThat(reply.status()).as(reply.body().toString()).isEqualTo(200);
        return reply.body().path("access_token").asString();
    }

    /** The person signs the platform's challenge with their EDS and gives this system their code: the session bound to it. */
    String signIn(String personaId, String accessToken) {
        SigningCredential personKey = client.key(personaId, "auth");
        Instant before = Instant.now();
        Reply started = client.presentSignature(personKey);
        assertThat(started.status()).as(started.body().toString()).isEqualTo(201);
        String iin = KzCertificate.of(personKey.certificate()).iin().orElseThrow().value();
        String code = client.codeSentTo(client.phoneOf(iin), before);
        Reply confirmed = client.post("/api/v1/partner/sign-ins/" + started.body().path("signInId").asString() + "/confirmation",
                Map.of("code", code), accessToken);
        assertThat(confirmed.status()).as(confirmed.body().toString()).isEqualTo(200);
        assertThat(confirmed.body().path("header").asString()).isEqualTo("Tirkeu-Session");
        return confirmed.body().path("sessionToken").asString();
    }

    Reply get(String path, String accessToken, String session) {
        return client.send(request(path, session).GET(), accessToken);
    }

    Reply post(String path, Object body, String accessToken, String session) {
        return client.send(request(path, session).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(client.json().writeValueAsString(body))), accessToken);
    }

    private HttpRequest.Builder request(String path, String session) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(client.base() + path));
        return session == null ? request : request.header("Tirkeu-Session", session);
    }

    private static String enc(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
