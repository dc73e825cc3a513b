package kz.tirkeu.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import kz.tirkeu.pki.cert.KzCertificate;
import kz.tirkeu.testing.TirkeuClient;
import kz.tirkeu.testing.TirkeuClient.Reply;
import kz.tirkeu.platform.web.IdempotencyKeys;
import kz.tirkeu.testing.TirkeuServerTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import tools.jackson.databind.JsonNode;

/**
 * Every state-changing call takes an Idempotency-Key (issue [11]): the document says so for each one, a repeat does the
 * work once, and two copies at the same moment never both do it.
 */
@TirkeuServerTest
class IdempotencyKeysTest {

    /**
     * Machine callbacks and the steps whose answers carry secrets; each is said in the document's description. Partner
     * systems' own calls (/api/v1/partner/…) are left out as a whole, and the test does not look at them.
     */
    static final Set<String> NOT_TAKING_A_KEY = Set.of(
            "POST /api/v1/payments/callbacks",
            "POST /api/v1/notifications/sms-receipts",
            "POST /api/v1/auth/challenges",
            "POST /api/v1/auth/sign-ins",
            "POST /api/v1/auth/sign-ins/{signInId}/confirmation",
            "POST /api/v1/me/totp",
            "DELETE /api/v1/me/totp");

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient db;

    @Autowired
    IdempotencyKeys keys;

    @Test
    void everyStateChangingCallInTheDocumentDeclaresTheHeader() {
        JsonNode document = new TirkeuClient(port).get("/v3/api-docs", null).body();
        TreeSet<String> without = new TreeSet<>();
        int stateChanging = 0;
        for (Map.Entry<String, JsonNode> path : document.path("paths").properties()) {
            for (Map.Entry<String, JsonNode> operation : path.getValue().properties()) {
                String method = operation.getKey().toUpperCase();
                if (!Set.of("POST", "PUT", "PATCH", "DELETE").contains(method)) {
                    continue;
                }
                stateChanging++;
                boolean declared = false;
                for (JsonNode parameter : operation.getValue().path("parameters")) {
                    declared |= parameter.path("in").asString().equals("header") && parameter.path("name").asString().equals("Idempotency-Key");
                }
                if (!declared && !path.getKey().startsWith("/api/v1/partner/")) {
                    without.add(method + " " + path.getKey());
                }
            }
        }
        assertThat(stateChanging).isGreaterThan(30);
        assertThat(without).isEqualTo(new TreeSet<>(NOT_TAKING_A_KEY));
    }

    @Test
    void aRepeatedGrantWithTheSameKeyIsGrantedOnceAndTheSameKeyForAnotherRequestIsRefused() {
        TirkeuClient client = new TirkeuClient(port);
        String admin = client.signIn("staff-admin");
        String iin = KzCertificate.of(client.key("buyer-aigerim", "auth").certificate()).iin().orElseThrow().value();
        String key = UUID.randomUUID().toString();
        Map<String, Object> grant = Map.of("iin", iin, "role", "AUDITOR", "reason", "idempotency test " + key);

        Reply first = post(client, "/api/v1/admin/role-grants", grant, admin, key);
        Reply again = post(client, "/api/v1/admin/role-grants", grant, admin, key);
        try {
            assertThat(first.status()).as(first.body().toString()).isEqualTo(201);
            assertThat(first.raw().headers().firstValue("Idempotent-Replay")).isEmpty();
            // Done twice, the second grant would have been 409 ROLE_ALREADY_GRANTED.
            assertThat(again.status()).as(again.body().toString()).isEqualTo(201);
            assertThat(again.raw().headers().firstValue("Idempotent-Replay")).contains("true");
            assertThat(again.raw().headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("application/json"));
            assertThat(again.body()).isEqualTo(first.body());
            assertThat(db.sql("select count(*) from role_grant where iin = ? and reason = ?").params(iin, grant.get("reason")).query(Long.class).single())
                    .isEqualTo(1);

            Reply other = post(client, "/api/v1/admin/role-grants", Map.of("iin", iin, "role", "AUDITOR", "reason", "another"), admin, key);
            assertThat(other.status()).isEqualTo(422);
            assertThat(other.code()).isEqualTo("IDEMPOTENCY_KEY_REUSED");
            assertThat(other.raw().headers().firstValue("Content-Type")).contains("application/problem+json");
            Reply elsewhere = post(client, "/api/v1/admin/role-grants/" + first.body().path("id").asString() + "/withdrawal", grant, admin, key);
            assertThat(elsewhere.code()).as("the same key on another address").isEqualTo("IDEMPOTENCY_KEY_REUSED");
        } finally {
            String withdrawalKey = UUID.randomUUID().toString();
            Reply withdrawn = post(client, "/api/v1/admin/role-grants/" + first.body().path("id").asString() + "/withdrawal",
                    Map.of("reason", "end of test"), admin, withdrawalKey);
            assertThat(withdrawn.status()).as(withdrawn.body().toString()).isEqualTo(200);
            // A withdrawal took no key before; withdrawn twice it would be refused.
            Reply withdrawnAgain = post(client, "/api/v1/admin/role-grants/" + first.body().path("id").asString() + "/withdrawal",
                    Map.of("reason", "end of test"), admin, withdrawalKey);
            assertThat(withdrawnAgain.status()).as(withdrawnAgain.body().toString()).isEqualTo(200);
            assertThat(withdrawnAgain.raw().headers().firstValue("Idempotent-Replay")).contains("true");
        }
    }

    @Test
    void aRefusedRequestIsNotKeptSoTheCorrectedOneMayUseTheSameKey() {
        TirkeuClient client = new TirkeuClient(port);
        String admin = client.signIn("staff-admin");
        String iin = KzCertificate.of(client.key("buyer-aigerim", "auth").certificate()).iin().orElseThrow().value();
        String key = UUID.randomUUID().toString();
        Reply refused = post(client, "/api/v1/admin/role-grants", Map.of("iin", iin, "role", "AUDITOR", "reason", " "), admin, key);
        assertThat(refused.code()).isEqualTo("REASON_REQUIRED");
        Reply refusedAgain = post(client, "/api/v1/admin/role-grants", Map.of("iin", iin, "role", "AUDITOR", "reason", " "), admin, key);
        assertThat(refusedAgain.code()).isEqualTo("REASON_REQUIRED");
        assertThat(refusedAgain.raw().headers().firstValue("Idempotent-Replay")).isEmpty();
        assertThat(db.sql("select count(*) from idempotent_request where key = ?").param(key).query(Long.class).single()).isZero();

        Reply tooLong = post(client, "/api/v1/admin/role-grants", Map.of("iin", iin, "role", "AUDITOR", "reason", "x"), admin, "k".repeat(201));
        assertThat(tooLong.status()).isEqualTo(400);
        assertThat(tooLong.code()).isEqualTo("IDEMPOTENCY_KEY_INVALID");
    }

    /**
     * The first request holds its claim while it is served (here: until the test lets it go); the copy sent meanwhile is
     * refused as in progress and does nothing; once the first is done, a copy gets its answer.
     */
    @Test
    void aCopySentWhileTheFirstIsServedIsRefusedAndTheWorkIsDoneOnce() throws Exception {
        String caller = "test-caller-" + UUID.randomUUID();
        String key = UUID.randomUUID().toString();
        AtomicInteger served = new AtomicInteger();
        CountDownLatch inside = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);

        CompletableFuture<MockHttpServletResponse> first = CompletableFuture.supplyAsync(() -> call(caller, key, (request, response) -> {
            served.incrementAndGet();
            inside.countDown();
            await(release);
            response.setStatus(201);
            response.setContentType("application/json");
            response.getWriter().write("{\"done\":true}");
        }));
        assertThat(inside.await(10, TimeUnit.SECONDS)).isTrue();
        MockHttpServletResponse copy = call(caller, key, (request, response) -> served.incrementAndGet());
        assertThat(copy.getStatus()).isEqualTo(409);
        assertThat(copy.getContentAsString()).contains("IDEMPOTENCY_KEY_IN_PROGRESS");
        assertThat(copy.getHeader("Retry-After")).isEqualTo("1");

        release.countDown();
        assertThat(first.get(10, TimeUnit.SECONDS).getStatus()).isEqualTo(201);
        MockHttpServletResponse later = call(caller, key, (request, response) -> served.incrementAndGet());
        assertThat(later.getStatus()).isEqualTo(201);
        assertThat(later.getHeader("Idempotent-Replay")).isEqualTo("true");
        assertThat(later.getContentAsString()).isEqualTo("{\"done\":true}");
        assertThat(served).hasValue(1);
    }

    /** Over HTTP, many copies at once: one is served, the others get its answer or are told it is in progress. */
    @Test
    void copiesSentAtOnceOverHttpGrantOnce() {
        TirkeuClient client = new TirkeuClient(port);
        String admin = client.signIn("staff-admin");
        String iin = KzCertificate.of(client.key("buyer-aigerim", "auth").certificate()).iin().orElseThrow().value();
        String key = UUID.randomUUID().toString();
        Map<String, Object> grant = Map.of("iin", iin, "role", "AUDITOR", "reason", "concurrent " + key);
        List<CompletableFuture<Reply>> copies = java.util.stream.IntStream.range(0, 6)
                .mapToObj(i -> CompletableFuture.supplyAsync(() -> post(client, "/api/v1/admin/role-grants", grant, admin, key))).toList();
        List<Reply> replies = copies.stream().map(CompletableFuture::join).toList();
        try {
            assertThat(replies).allSatisfy(reply -> assertThat(reply.status() == 201 || "IDEMPOTENCY_KEY_IN_PROGRESS".equals(reply.code()))
                    .as(reply.status() + " " + reply.body()).isTrue());
            assertThat(replies.stream().filter(r -> r.status() == 201 && r.raw().headers().firstValue("Idempotent-Replay").isEmpty())).hasSize(1);
            assertThat(db.sql("select count(*) from role_grant where iin = ? and reason = ?").params(iin, grant.get("reason")).query(Long.class).single())
                    .isEqualTo(1);
        } finally {
            String id = replies.stream().filter(r -> r.status() == 201).findFirst().orElseThrow().body().path("id").asString();
            assertThat(client.post("/api/v1/admin/role-grants/" + id + "/withdrawal", Map.of("reason", "end of test"), admin).status()).isEqualTo(200);
        }
    }

    private static Reply post(TirkeuClient client, String path, Object body, String token, String key) {
        return client.send(HttpRequest.newBuilder(URI.create(client.base() + path)).header("Content-Type", "application/json")
                .header("Idempotency-Key", key).POST(HttpRequest.BodyPublishers.ofString(client.json().writeValueAsString(body))), token);
    }

    private interface Endpoint {
        void serve(jakarta.servlet.ServletRequest request, jakarta.servlet.http.HttpServletResponse response) throws java.io.IOException;
    }

    private MockHttpServletResponse call(String caller, String key, Endpoint endpoint) {
        MockHttpServletRequest request = new MockHttpServletRequest("POST", "/api/v1/test/things");
        request.addHeader("Idempotency-Key", key);
        request.setContentType("application/json");
        request.setContent("{\"thing\":1}".getBytes(StandardCharsets.UTF_8));
        MockHttpServletResponse response = new MockHttpServletResponse();
        SecurityContextHolder.getContext().setAuthentication(UsernamePasswordAuthenticationToken.authenticated(caller, null, List.of()));
        try {
            keys.doFilter(request, response, (req, res) -> endpoint.serve(req, (jakarta.servlet.http.HttpServletResponse) res));
            return response;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        } finally {
            SecurityContextHolder.clearContext();
        }
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
