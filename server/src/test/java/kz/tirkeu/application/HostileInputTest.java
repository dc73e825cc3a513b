package kz.tirkeu.application;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpRequest;
import java.util.List;
import kz.tirkeu.testing.TirkeuClient;
import kz.tirkeu.testing.TirkeuClient.Reply;
import kz.tirkeu.testing.TirkeuServerTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Malformed and hostile input on every application endpoint: a clear 4xx problem, and nothing stored. */
@TirkeuServerTest
class HostileInputTest {

    private static final List<String> BODIES = List.of("", "{", "[]", "null", "{\"vin\":123,\"buyerIin\":[1]}",
            "{\"vin\":\"' OR 1=1 --\",\"buyerIin\":\"<script>alert(1)</script>\"}", "{\"vin\":\"" + "A".repeat(100_000) + "\"}",
            "{\"agree\":\"perhaps\"}", "{\"signature\":\"not base64 !!\"}", "{\"pscCode\":null,\"plateType\":{}}", "{\"phone\":\"+1 555 0100\"}");

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

    @Test
    void everyEndpointAnswersGarbageWithAClear4xxAndStoresNothing() {
        String seller = client.signIn("dealer2-manager");
        String buyer = client.signIn("buyer-dana");
        int applicationsBefore = count("application");
        int actionsBefore = count("application_action");
        List<String> endpoints = List.of("POST /api/v1/applications", "PUT /api/v1/applications/A-2026-000001/buyer-iin",
                "POST /api/v1/applications/A-2026-000001/seller-signature", "POST /api/v1/applications/A-2026-000001/consent",
                "POST /api/v1/applications/A-2026-000001/choices", "POST /api/v1/applications/A-2026-000001/phone",
                "POST /api/v1/applications/A-2026-000001/phone/confirmation", "POST /api/v1/applications/A-2026-000001/buyer-signature",
                "POST /api/v1/applications/A-2026-000001/invoice", "POST /api/v1/payments/callbacks");
        for (String endpoint : endpoints) {
            String method = endpoint.substring(0, endpoint.indexOf(' '));
            String path = endpoint.substring(endpoint.indexOf(' ') + 1);
            for (String token : new String[] {seller, buyer}) {
                for (String body : BODIES) {
                    Reply reply = client.send(HttpRequest.newBuilder(URI.create(client.base() + path)).header("Content-Type", "application/json")
                            .method(method, HttpRequest.BodyPublishers.ofString(body)), token);
                    assertThat(reply.status()).as("%s with %.40s", endpoint, body).isBetween(400, 499);
                    assertThat(reply.raw().headers().firstValue("Content-Type").orElse("")).as(endpoint).startsWith("application/problem+json");
                    assertThat(reply.body().path("code").asString()).as(endpoint).isNotBlank();
                    assertThat(reply.raw().body()).as(endpoint).doesNotContain("Exception").doesNotContain("at kz.tirkeu");
                }
            }
        }
        assertThat(count("application")).isEqualTo(applicationsBefore);
        assertThat(count("application_action")).isEqualTo(actionsBefore);
        assertThat(client.get("/api/v1/applications/%27%3B%20drop%20table%20application%3B--", seller).status()).isBetween(400, 404);
        assertThat(count("application")).as("still there").isEqualTo(applicationsBefore);
    }

    private int count(String table) {
        return db.sql("select count(*) from " + table).query(Integer.class).single();
    }
}
