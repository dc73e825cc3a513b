package kz.tirkeu.partner;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import kz.tirkeu.partner.client.SandboxPartner;
import kz.tirkeu.pki.ca.CaEndpoints;
import kz.tirkeu.pki.ca.CertificateAuthority;
import kz.tirkeu.pki.ca.KeyAlgorithm;
import kz.tirkeu.pki.ca.SubjectSpec;
import kz.tirkeu.pki.cert.KeyPurpose;
import kz.tirkeu.pki.crypto.Pem;
import kz.tirkeu.pki.crypto.SigningCredential;
import kz.tirkeu.pki.identity.Bin;
import kz.tirkeu.sandbox.ca.RevocationReason;
import kz.tirkeu.sandbox.ca.SandboxCa;
import kz.tirkeu.signatures.SignatureVerification;
import kz.tirkeu.testing.ApplicationJourney;
import kz.tirkeu.testing.TestClock;
import kz.tirkeu.testing.TirkeuClient;
import kz.tirkeu.testing.TirkeuClient.Reply;
import kz.tirkeu.testing.TirkeuServerTest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * Issue [11] point 3, over real HTTP with real keys from the sandbox CA: a partner system authenticates with
 * private_key_jwt, signs a person in through itself and acts only for them; everything it does is on record.
 */
@TirkeuServerTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PartnerClientsTest {

    @LocalServerPort
    int port;
    @Autowired
    SandboxPartner sandboxPartner;
    @Autowired
    SandboxCa ca;
    @Autowired
    SignatureVerification signatures;
    @Autowired
    TestClock clock;
    @Autowired
    JdbcClient db;
    @Autowired
    kz.tirkeu.platform.retention.RetentionPurge purge;

    TirkeuClient client;
    String admin;
    PartnerSystem dms;
    final List<String> registered = new ArrayList<>();

    @BeforeAll
    void sandboxPartnerAndAdministrator() {
        client = new TirkeuClient(port);
        assertThat(sandboxPartner.register().clientId()).isEqualTo("dealer1-dms");
        dms = new PartnerSystem(client, clock, "dealer1-dms", client.key("dealer1-dms", "auth").privateKey());
        admin = client.signIn("staff-admin");
    }

    @AfterAll
    void removeTestPartners() {
        for (String id : registered) {
            db.sql("delete from partner_call where client_id = ?").param(id).update();
            db.sql("delete from partner_access_token where client_id = ?").param(id).update();
            db.sql("delete from partner_assertion where client_id = ?").param(id).update();
            db.sql("update session set partner_client_id = null, ended_at = coalesce(ended_at, now()) where partner_client_id = ?").param(id).update();
            db.sql("delete from partner_client where client_id = ?").param(id).update();
        }
    }

    @Test
    void thePartnerGetsAShortLivedTokenWithAnAssertionSignedByItsSystemKey() {
        Reply reply = dms.tokenWith(dms.assertion());

        assertThat(reply.status()).as(reply.body().toString()).isEqualTo(200);
        assertThat(reply.body().path("access_token").asString()).startsWith("tp.");
        assertThat(reply.body().path("token_type").asString()).isEqualTo("Bearer");
        assertThat(reply.body().path("expires_in").asLong()).isBetween(1L, 300L);
        assertThat(reply.raw().headers().firstValue("Cache-Control").orElse("")).contains("no-store");
    }

    @Test
    void anAssertionIsRefusedWhenSignedWithAnotherKeyExpiredReplayedOrForAnotherAudience() {
        SigningCredential other = ca.issue(SubjectSpec.organisation(Bin.generate(2015, 6, 4321), "ТОО «Басқа»", "Other system"), KeyPurpose.AUTH, Set.of());
        assertRefused(dms.tokenWith(dms.assertion(other.privateKey(), c -> c)), "CLIENT_ASSERTION_SIGNATURE");

        Instant now = clock.instant();
        assertRefused(dms.tokenWith(dms.assertion(dms.key, c -> c.issueTime(Date.from(now.minusSeconds(600)))
                .expirationTime(Date.from(now.minusSeconds(120))))), "CLIENT_ASSERTION_EXPIRED");
        assertRefused(dms.tokenWith(dms.assertion(dms.key, c -> c.expirationTime(Date.from(now.plus(Duration.ofHours(1)))))), "CLIENT_ASSERTION_TOO_LONG");
        assertRefused(dms.tokenWith(dms.assertion(dms.key, c -> c.audience("https://elsewhere.example/token"))), "CLIENT_ASSERTION_AUDIENCE");
        assertRefused(dms.tokenWith(dms.assertion(dms.key, c -> c.subject("someone-else"))), "CLIENT_ASSERTION_ISSUER");
        assertRefused(dms.tokenWith(dms.assertion(dms.key, c -> c.jwtID(null))), "CLIENT_ASSERTION_JTI");
        assertRefused(dms.tokenWith("not.a.jwt"), "CLIENT_ASSERTION_MALFORMED");

        String once = dms.assertion();
        assertThat(dms.tokenWith(once).status()).isEqualTo(200);
        assertRefused(dms.tokenWith(once), "CLIENT_ASSERTION_REPLAYED");
    }

    @Test
    void anHmacOrUnsignedAssertionIsNeverAccepted() throws Exception {
        JWTClaimsSet claims = new JWTClaimsSet.Builder().issuer("dealer1-dms").subject("dealer1-dms").audience(dms.audience())
                .expirationTime(Date.from(clock.instant().plusSeconds(60))).jwtID("hmac-" + System.nanoTime()).build();
        SignedJWT hmac = new SignedJWT(new JWSHeader(JWSAlgorithm.HS256), claims);
        hmac.sign(new MACSigner(new byte[32]));
        assertRefused(dms.tokenWith(hmac.serialize()), "CLIENT_ASSERTION_ALGORITHM");

        String unsigned = new com.nimbusds.jwt.PlainJWT(claims).serialize();
        assertRefused(dms.tokenWith(unsigned), "CLIENT_ASSERTION_MALFORMED");
    }

    @Test
    void aRevokedCertificateStopsThePartnerAtItsNextTokenRequest() {
        SigningCredential key = newSystemKey();
        PartnerSystem partner = register("test-revoked-" + suffix(), key, 100);
        assertThat(partner.tokenWith(partner.assertion()).status()).isEqualTo(200);

        ca.revoke(key.certificate(), RevocationReason.KEY_COMPROMISE);
        signatures.forgetRevocationAnswers();

        assertRefused(partner.tokenWith(partner.assertion()), "CERTIFICATE_REVOKED");
    }

    @Test
    void aCertificateOfAnotherCaIsNotRegisteredAndNotAcceptedAtTheTokenEndpoint() {
        CertificateAuthority foreign = CertificateAuthority.createRoot(SubjectSpec.service("Foreign Root CA", "Elsewhere"), KeyAlgorithm.RSA_2048,
                Duration.ofDays(30), CaEndpoints.none());
        Bin bin = Bin.generate(2017, 2, 777);
        SigningCredential key = foreign.issueCredential(SubjectSpec.organisation(bin, "ТОО «Шетел»", "Foreign system"), KeyPurpose.AUTH, Set.of(),
                KeyAlgorithm.RSA_2048, Instant.now().minusSeconds(60), Instant.now().plus(Duration.ofDays(10)));
        String clientId = "test-foreign-" + suffix();

        Reply refused = client.post("/api/v1/admin/partners", newPartner(clientId, bin.value(), key, 100), admin);
        assertThat(refused.status()).as(refused.body().toString()).isEqualTo(422);
        assertThat(refused.code()).isEqualTo("CERTIFICATE_NOT_TRUSTED");

        // Registered behind the administrator's back (a database edit): the token endpoint checks the certificate itself.
        registered.add(clientId);
        db.sql("""
                insert into partner_client (client_id, bin, name, certificate_pem, certificate_serial, requests_per_minute, registered_at)
                values (?, ?, 'Foreign', ?, '1', 100, now())""").params(clientId, bin.value(), Pem.write(key.certificate())).update();
        PartnerSystem partner = new PartnerSystem(client, clock, clientId, key.privateKey());
        assertRefused(partner.tokenWith(partner.assertion()), "CERTIFICATE_NOT_TRUSTED");
        assertThat(db.sql("select count(*) from partner_assertion where client_id = ?").param(clientId).query(Long.class).single())
                .as("a refused assertion stores nothing").isZero();
    }

    @Test
    void aPersonSignedInThroughThePartnerStartsAnApplicationThatNamesThePartner() {
        String token = dms.token();
        String session = dms.signIn("dealer1-manager", token);

        Reply me = dms.get("/api/v1/me", token, session);
        assertThat(me.status()).as(me.body().toString()).isEqualTo(200);

        ApplicationJourney journey = new ApplicationJourney(client);
        String buyerIin = journey.iinOf("buyer-aigerim");
        String vin = journey.freshVehicle(buyerIin, 1).path("vin").asString();
        Reply started = dms.post("/api/v1/applications", Map.of("vin", vin, "buyerIin", buyerIin), token, session);
        assertThat(started.status()).as(started.body().toString()).isEqualTo(201);
        String number = started.body().path("number").asString();

        JsonNode application = dms.get("/api/v1/applications/" + number, token, session).body();
        JsonNode first = application.path("timeline").get(0);
        assertThat(first.path("action").asString()).isEqualTo("STARTED");
        assertThat(first.path("viaPartner").asString()).isEqualTo("dealer1-dms");

        String managerIin = journey.iinOf("dealer1-manager");
        Reply calls = client.get("/api/v1/admin/partners/dealer1-dms/calls?iin=" + managerIin, admin);
        assertThat(calls.status()).as(calls.body().toString()).isEqualTo(200);
        List<String> logged = new ArrayList<>();
        calls.body().forEach(call -> logged.add(call.path("method").asString() + " " + call.path("pathTemplate").asString() + " " + call.path("status").asInt()));
        assertThat(logged).contains("POST /api/v1/applications 201", "GET /api/v1/applications/{number} 200", "GET /api/v1/me 200");
        assertThat(calls.body().get(0).path("personIin").asString()).isEqualTo(managerIin);
    }

    @Test
    void aPartnerCannotUseASessionOpenedElsewhereNorIsItsSessionUsableWithoutIt() {
        String token = dms.token();
        String elsewhere = client.signIn("dealer1-manager");

        Reply refused = dms.get("/api/v1/me", token, elsewhere);
        assertThat(refused.status()).isEqualTo(401);
        assertThat(refused.code()).isEqualTo("PARTNER_SESSION_INVALID");
        assertThat(refused.raw().headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
        assertThat(refused.raw().headers().firstValue("X-Content-Type-Options")).as("refused in the security chain, with its headers").contains("nosniff");

        String throughPartner = dms.signIn("buyer-aidar", token);
        Reply alone = client.get("/api/v1/me", throughPartner);
        assertThat(alone.status()).isEqualTo(401);
        assertThat(alone.code()).isEqualTo("NOT_SIGNED_IN");

        SigningCredential key = newSystemKey();
        PartnerSystem other = register("test-other-" + suffix(), key, 100);
        Reply otherPartner = other.get("/api/v1/me", other.token(), throughPartner);
        assertThat(otherPartner.code()).as("another partner cannot use it either").isEqualTo("PARTNER_SESSION_INVALID");

        assertThat(dms.get("/api/v1/me", token, throughPartner).status()).isEqualTo(200);
        assertThat(dms.get("/api/v1/me", token, null).code()).as("the partner's token alone acts for no one").isEqualTo("NOT_SIGNED_IN");

        assertThat(dms.post("/api/v1/auth/sign-out", Map.of(), token, throughPartner).status()).isLessThan(300);
        assertThat(dms.get("/api/v1/me", token, throughPartner).code()).as("signed out of the partner").isEqualTo("PARTNER_SESSION_INVALID");
        assertThat(dms.get("/api/v1/process-definition", token, null).status()).as("the partner itself goes on").isEqualTo(200);
    }

    @Test
    void aPartnerOverItsBudgetGets429WithRetryAfter() {
        PartnerSystem partner = register("test-limited-" + suffix(), newSystemKey(), 3);
        String token = partner.token();

        Reply limited = null;
        int passed = 0;
        // At most one window can turn over during the loop, so seven requests against a budget of three meet a refusal.
        for (int i = 0; i < 7 && limited == null; i++) {
            Reply reply = partner.get("/api/v1/process-definition", token, null);
            if (reply.status() == 429) {
                limited = reply;
            } else {
                passed++;
            }
        }
        assertThat(limited).as("a 429 after " + passed + " requests").isNotNull();
        assertThat(passed).isGreaterThanOrEqualTo(3);
        assertThat(limited.code()).isEqualTo("TOO_MANY_REQUESTS");
        assertThat(limited.raw().headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
        assertThat(Integer.parseInt(limited.raw().headers().firstValue("Retry-After").orElseThrow())).isBetween(1, 60);
    }

    @Test
    void aDisabledPartnerGetsNoTokenAndItsTokensStop() {
        PartnerSystem partner = register("test-disabled-" + suffix(), newSystemKey(), 100);
        String token = partner.token();
        assertThat(partner.get("/api/v1/process-definition", token, null).status()).isEqualTo(200);

        Reply disabled = client.post("/api/v1/admin/partners/" + partner.clientId + "/disabling", "", admin);
        assertThat(disabled.status()).as(disabled.body().toString()).isEqualTo(200);
        assertThat(disabled.body().path("disabledAt").isNull()).isFalse();

        assertThat(partner.get("/api/v1/process-definition", token, null).code()).isEqualTo("PARTNER_TOKEN_INVALID");
        assertRefused(partner.tokenWith(partner.assertion()), "CLIENT_UNKNOWN");
    }

    @Test
    void usedAssertionsAndTokensArePurgedOnceExpired() {
        PartnerSystem partner = register("test-purged-" + suffix(), newSystemKey(), 100);
        partner.token();
        String count = "select (select count(*) from partner_assertion where client_id = ?) + (select count(*) from partner_access_token where client_id = ?)";
        assertThat(db.sql(count).params(partner.clientId, partner.clientId).query(Long.class).single()).isEqualTo(2);

        purge.purge();
        assertThat(db.sql(count).params(partner.clientId, partner.clientId).query(Long.class).single()).as("still valid: kept").isEqualTo(2);
        clock.advance(Duration.ofMinutes(10));
        try {
            purge.purge();
        } finally {
            clock.reset();
        }
        assertThat(db.sql(count).params(partner.clientId, partner.clientId).query(Long.class).single()).isZero();
    }

    @Test
    void onlyAnAdministratorRegistersPartners() {
        SigningCredential key = newSystemKey();
        String seller = client.signIn("dealer1-manager");
        Reply refused = client.post("/api/v1/admin/partners", newPartner("test-seller-" + suffix(), binOf(key), key, 100), seller);
        assertThat(refused.status()).isEqualTo(403);

        Reply listed = client.get("/api/v1/admin/partners", admin);
        assertThat(listed.status()).isEqualTo(200);
        List<String> ids = new ArrayList<>();
        listed.body().forEach(p -> ids.add(p.path("clientId").asString()));
        assertThat(ids).contains("dealer1-dms");
    }

    private PartnerSystem register(String clientId, SigningCredential key, int perMinute) {
        registered.add(clientId);
        Reply reply = client.post("/api/v1/admin/partners", newPartner(clientId, binOf(key), key, perMinute), admin);
        assertThat(reply.status()).as(reply.body().toString()).isEqualTo(201);
        return new PartnerSystem(client, clock, clientId, key.privateKey());
    }

    private Map<String, Object> newPartner(String clientId, String bin, SigningCredential key, int perMinute) {
        StringBuilder pem = new StringBuilder();
        key.chain().forEach(c -> pem.append(Pem.write(c)));
        Map<String, Object> body = new HashMap<>();
        body.put("clientId", clientId);
        body.put("bin", bin);
        body.put("name", "Test system " + clientId);
        body.put("certificatePem", pem.toString());
        body.put("requestsPerMinute", perMinute);
        body.put("webhookUrlPrefix", "http://127.0.0.1:");
        return body;
    }

    private SigningCredential newSystemKey() {
        return ca.issue(SubjectSpec.organisation(Bin.generate(2014, 9, ThreadLocalRandom.current().nextInt(100, 90_000)), "ТОО «Сынақ»", "Test system"),
                KeyPurpose.AUTH, Set.of());
    }

    private static String binOf(SigningCredential key) {
        return kz.tirkeu.pki.cert.KzCertificate.of(key.certificate()).bin().orElseThrow().value();
    }

    private static String suffix() {
        return Long.toString(System.nanoTime() % 1_000_000_000L, 36);
    }

    private static void assertRefused(Reply reply, String code) {
        assertThat(reply.status()).as(reply.body().toString()).isIn(400, 401);
        assertThat(reply.code()).as(reply.body().toString()).isEqualTo(code);
        assertThat(reply.raw().headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
    }
}
