package kz.tirkeu.sandbox.documents;

import static kz.tirkeu.sandbox.SandboxHttp.json;
import static kz.tirkeu.sandbox.SandboxHttp.ok;
import static kz.tirkeu.sandbox.SandboxHttp.problem;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import kz.tirkeu.sandbox.SandboxHttp;
import kz.tirkeu.sandbox.SandboxTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/** A person shares an identity document by a one-time code; the checker reads it once. */
@SandboxTest
class DigitalDocumentsApiTest {

    @LocalServerPort
    int port;

    SandboxHttp sandbox;

    @BeforeEach
    void connect() {
        sandbox = SandboxHttp.onPort(port);
    }

    @AfterEach
    void faultsOff() {
        sandbox.delete("/faults");
    }

    @Test
    void theSharedDocumentIsThePersonsDocumentInGbdFlAndTheCodeWorksOnce() {
        String iin = sandbox.persona("buyer-aidar").get("iin").stringValue();
        var created = sandbox.postJson("/digital-documents/v1/shares", "{\"iin\": \"" + iin + "\"}");
        assertThat(created.statusCode()).isEqualTo(201);
        JsonNode share = json(created);
        String code = share.get("code").stringValue();
        assertThat(code).matches("\\d{6}");
        assertThat(Duration.between(Instant.now(), Instant.parse(share.get("expiresAt").stringValue()))).isBetween(Duration.ofMinutes(4), Duration.ofMinutes(5));

        JsonNode shared = json(ok(sandbox.get("/digital-documents/v1/shares/" + code)));
        JsonNode person = json(ok(sandbox.get("/gbdfl/v1/persons/" + iin)));
        assertThat(shared.get("iin").stringValue()).isEqualTo(iin);
        assertThat(shared.get("surname").stringValue()).isEqualTo(person.get("surname").stringValue());
        assertThat(shared.get("document")).isEqualTo(person.get("documents").get(0));

        assertThat(problem(sandbox.get("/digital-documents/v1/shares/" + code), 404).get("detail").stringValue()).contains("used already");
    }

    @Test
    void badInputIsAProblem() {
        problem(sandbox.postJson("/digital-documents/v1/shares", "{\"iin\": \"123456789012\"}"), 400);
        problem(sandbox.postJson("/digital-documents/v1/shares", "{}"), 400);
        problem(sandbox.get("/digital-documents/v1/shares/12ab"), 400);
        problem(sandbox.get("/digital-documents/v1/shares/000000"), 404);
    }

    @Test
    void theServiceHonoursItsFaults() {
        ok(sandbox.put("/faults/digital-documents", "{\"errorRate\": 1.0}"));
        problem(sandbox.get("/digital-documents/v1/shares/123456"), 503);
    }
}
