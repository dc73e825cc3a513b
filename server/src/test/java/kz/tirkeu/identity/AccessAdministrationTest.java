package kz.tirkeu.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import kz.tirkeu.pki.cert.KzCertificate;
import kz.tirkeu.testing.TirkeuClient;
import kz.tirkeu.testing.TirkeuClient.Reply;
import kz.tirkeu.testing.TirkeuServerTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Administrators grant and withdraw staff roles; a dealer's head decides who may sell. Both take effect at the next request. */
@TirkeuServerTest
class AccessAdministrationTest {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient db;

    TirkeuClient client;

    @BeforeEach
    void client() {
        client = new TirkeuClient(port);
        db.sql("delete from second_factor_lock").update();
    }

    private String iin(String persona) {
        return KzCertificate.of(client.key(persona, "auth").certificate()).iin().orElseThrow().value();
    }

    @Test
    void anAdministratorGrantsAScopedRoleWhichWorksAtOnceAndWithdrawsItOnTheRecord() {
        String admin = client.signIn("staff-admin");
        String buyer = client.signIn("buyer-daulet");
        assertThat(client.get("/api/v1/admin/role-grants", buyer).code()).isEqualTo("NOT_ALLOWED");

        Reply badScope = client.post("/api/v1/admin/role-grants", Map.of("iin", iin("buyer-daulet"), "role", "POLICE_OFFICER",
                "scope", "99", "reason", "order 12-к"), admin);
        assertThat(badScope.code()).isEqualTo("SCOPE_INVALID");
        Reply noReason = client.post("/api/v1/admin/role-grants", Map.of("iin", iin("buyer-daulet"), "role", "AUDITOR", "reason", " "), admin);
        assertThat(noReason.code()).isEqualTo("REASON_REQUIRED");

        Reply granted = client.post("/api/v1/admin/role-grants", Map.of("iin", iin("buyer-daulet"), "role", "POLICE_OFFICER",
                "scope", "05", "reason", "order 12-к of the Almaty region police"), admin);
        assertThat(granted.status()).as(granted.body().toString()).isEqualTo(201);
        assertThat(granted.body().path("grantedBy").asString()).isEqualTo(iin("staff-admin"));
        assertThat(client.get("/api/v1/me", buyer).body().path("scopes").path("POLICE_OFFICER").toString()).isEqualTo("[\"05\"]");
        assertThat(client.post("/api/v1/admin/role-grants", Map.of("iin", iin("buyer-daulet"), "role", "POLICE_OFFICER",
                "scope", "05", "reason", "again"), admin).code()).isEqualTo("ROLE_ALREADY_GRANTED");

        Reply withdrawn = client.post("/api/v1/admin/role-grants/" + granted.body().path("id").asString() + "/withdrawal",
                Map.of("reason", "transferred"), admin);
        assertThat(withdrawn.status()).isEqualTo(200);
        assertThat(client.get("/api/v1/me", buyer).body().path("roles").toString()).doesNotContain("POLICE_OFFICER");

        Reply history = client.get("/api/v1/admin/role-grants?iin=" + iin("buyer-daulet"), admin);
        assertThat(history.body().toString()).contains("order 12-к of the Almaty region police").contains("transferred");
    }

    @Test
    void anAdministratorCannotWithdrawTheirOwnAdministratorRole() {
        String admin = client.signIn("staff-admin");
        JsonNode own = null;
        for (JsonNode grant : client.get("/api/v1/admin/role-grants?iin=" + iin("staff-admin"), admin).body()) {
            boolean inForce = grant.path("withdrawnAt").isMissingNode() || grant.path("withdrawnAt").isNull();
            if (grant.path("role").asString().equals("ADMIN") && inForce) {
                own = grant;
            }
        }
        assertThat(own).as("staff-admin's active ADMIN grant").isNotNull();

        Reply refused = client.post("/api/v1/admin/role-grants/" + own.path("id").asString() + "/withdrawal", Map.of("reason", "leaving"), admin);

        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.code()).isEqualTo("OWN_ADMIN_GRANT");
        assertThat(client.get("/api/v1/me", admin).body().path("roles").toString()).contains("ADMIN");
    }

    /** Issue [7]: an administrator granted himself POLICE_OFFICER, and a PSC scope no catalogue knows (ZZZ-99) was accepted. */
    @Test
    void nobodyGrantsThemselvesARoleAndAPscMustBeInTheCatalogue() {
        String admin = client.signIn("staff-admin");
        Reply self = client.post("/api/v1/admin/role-grants", Map.of("iin", iin("staff-admin"), "role", "POLICE_OFFICER",
                "scope", "02", "reason", "I can do it myself"), admin);
        assertThat(self.status()).isEqualTo(403);
        assertThat(self.code()).isEqualTo("SELF_GRANT");
        Reply unknown = client.post("/api/v1/admin/role-grants", Map.of("iin", iin("buyer-daulet"), "role", "PSC_OPERATOR",
                "scope", "ZZZ-99", "reason", "order 12"), admin);
        assertThat(unknown.code()).isEqualTo("SCOPE_UNKNOWN");
        assertThat(client.get("/api/v1/admin/role-grants?iin=" + iin("staff-admin"), admin).body().toString()).doesNotContain("I can do it myself");
        assertThat(client.get("/api/v1/admin/role-grants?iin=" + iin("buyer-daulet"), admin).body().toString()).doesNotContain("ZZZ-99");
    }

    @Test
    void buyerAndSellerAreNotGranted() {
        Reply refused = client.post("/api/v1/admin/role-grants", Map.of("iin", iin("buyer-daulet"), "role", "SELLER", "reason", "x"),
                client.signIn("staff-admin"));
        assertThat(refused.code()).isEqualTo("ROLE_NOT_GRANTABLE");
    }

    @Test
    void aDealersHeadRestrictsWhoMaySellAndOnlyTheHeadCan() {
        String bin = KzCertificate.of(client.key("dealer2-head", "auth").certificate()).bin().orElseThrow().value();
        String head = client.signIn("dealer2-head");
        String clerk = client.signIn("dealer2-clerk");
        String manager = client.signIn("dealer2-manager");
        String path = "/api/v1/organisations/" + bin + "/seller-rules";
        try {
            assertThat(client.post(path + "/sellers", Map.of("iin", iin("dealer2-clerk")), manager).code()).isEqualTo("NOT_THE_HEAD");
            assertThat(client.get("/api/v1/organisations/" + KzCertificate.of(client.key("dealer1-head", "auth").certificate()).bin().orElseThrow().value()
                    + "/seller-rules", head).code()).isEqualTo("NOT_YOUR_ORGANISATION");

            Reply restricted = client.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(client.base() + path))
                    .header("Content-Type", "application/json").PUT(java.net.http.HttpRequest.BodyPublishers.ofString("{\"restricted\":true}")), head);
            assertThat(restricted.body().path("restricted").asBoolean()).isTrue();
            assertThat(client.post(path + "/sellers", Map.of("iin", iin("dealer2-manager")), head).status()).isEqualTo(200);

            assertThat(client.get("/api/v1/me", clerk).body().path("roles").toString()).as("clerk, not listed").isEqualTo("[]");
            assertThat(client.get("/api/v1/me", manager).body().path("roles").toString()).as("manager, listed").isEqualTo("[\"SELLER\"]");
            assertThat(client.get("/api/v1/me", head).body().path("roles").toString()).as("the head always").isEqualTo("[\"SELLER\"]");
            assertThat(client.get(path, clerk).code()).isEqualTo("NOT_ALLOWED");
        } finally {
            client.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(client.base() + path))
                    .header("Content-Type", "application/json").PUT(java.net.http.HttpRequest.BodyPublishers.ofString("{\"restricted\":false}")), head);
        }
    }
}
