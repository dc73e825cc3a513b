package kz.tirkeu.sandbox.persona;

import static kz.tirkeu.sandbox.SandboxHttp.json;
import static kz.tirkeu.sandbox.SandboxHttp.ok;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import kz.tirkeu.pki.crypto.Pem;
import kz.tirkeu.pki.identity.Bin;
import kz.tirkeu.pki.identity.Iin;
import kz.tirkeu.sandbox.SandboxHttp;
import kz.tirkeu.sandbox.SandboxTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/** The persona catalogue as a tester reads it, and the errors a tester gets for mistyped requests. */
@SandboxTest
class PersonaApiTest {

    @LocalServerPort
    int port;

    SandboxHttp sandbox;

    @BeforeEach
    void connect() {
        sandbox = SandboxHttp.onPort(port);
    }

    @Test
    void theCatalogueListsEveryPersonaWithValidIdentifiersAndDownloadableKeys() {
        JsonNode personas = sandbox.personas().get("personas");
        List<String> ids = new ArrayList<>();
        for (JsonNode persona : personas) {
            ids.add(persona.get("id").stringValue());
            assertThat(persona.get("displayName").stringValue()).isNotBlank();
            if (persona.has("iin")) {
                assertThat(Iin.isValid(persona.get("iin").stringValue())).as(persona.toString()).isTrue();
            }
            if (persona.has("bin")) {
                assertThat(Bin.isValid(persona.get("bin").stringValue())).as(persona.toString()).isTrue();
                assertThat(persona.get("organisation").stringValue()).isNotBlank();
            }
            for (JsonNode key : persona.get("keys")) {
                assertThat(key.get("status").stringValue()).isIn("good", "revoked");
                assertThat(key.get("password").stringValue()).isEqualTo("Qwerty12");
                assertThat(key.get("pkcs12").stringValue()).startsWith(sandbox.base() + "/personas/" + persona.get("id").stringValue() + "/");
                assertThat(key.has("notBefore") && key.has("notAfter") && key.has("serial")).isTrue();
            }
        }
        assertThat(ids).contains("buyer-aidar", "dealer1-head", "dealer2-manager", "staff-psc-operator", "platform");
    }

    @Test
    void aDealerEmployeeIsListedWithIinBinOrganisationAndRoleOids() {
        JsonNode manager = sandbox.persona("dealer1-manager");

        assertThat(manager.get("kind").stringValue()).isEqualTo("DEALER_EMPLOYEE");
        assertThat(manager.get("organisation").stringValue()).isEqualTo("ТОО «Есіл Моторс»");
        assertThat(manager.get("roles").findValuesAsString("oid")).containsExactlyInAnyOrder("1.2.398.3.3.4.1.2", "1.2.398.3.3.4.1.2.2");
        assertThat(manager.get("keys").findValuesAsString("purpose")).containsExactly("AUTH", "SIGN");
    }

    @Test
    void everyBuyerCarriesTheIdentityDocumentsGbdFlHoldsForThem() {
        for (JsonNode persona : sandbox.personas().get("personas")) {
            if (!persona.get("kind").stringValue().equals("BUYER")) {
                continue;
            }
            JsonNode documents = persona.get("identityDocuments");
            JsonNode inGbdFl = json(ok(sandbox.get("/gbdfl/v1/persons/" + persona.get("iin").stringValue()))).get("documents");

            assertThat(documents).as(persona.get("id").stringValue()).isNotEmpty().isEqualTo(inGbdFl);
            assertThat(documents.get(0).get("type").stringValue()).isIn("ID_CARD", "PASSPORT");
            assertThat(documents.get(0).get("number").stringValue()).isNotBlank();
            assertThat(documents.get(0).get("issuedAt").stringValue()).matches("\\d{4}-\\d{2}-\\d{2}");
            assertThat(documents.get(0).get("issuer").stringValue()).isNotBlank();
        }
        assertThat(sandbox.persona("buyer-aidar").get("identityDocuments")).isNotEmpty();
        assertThat(sandbox.persona("platform").has("identityDocuments")).isFalse();
    }

    @Test
    void theCertificateAloneComesAsPemAndMatchesTheKeyFile() {
        HttpResponse<byte[]> pem = ok(sandbox.get("/personas/buyer-daulet/sign.pem"));

        assertThat(pem.headers().firstValue("Content-Type")).contains("application/x-pem-file");
        assertThat(pem.headers().firstValue("Content-Disposition")).get().asString().contains("attachment", "buyer-daulet-sign.pem");
        assertThat(Pem.readCertificate(pem.body())).isEqualTo(sandbox.download("buyer-daulet", "SIGN").certificate());
        assertThat(Pem.readCertificate(pem.body()).getSerialNumber().toString(16)).isEqualTo(sandbox.key("buyer-daulet", "SIGN").get("serial").stringValue());
    }

    @Test
    void anUnknownPersonaIsA404ProblemThatSaysWhichExist() {
        HttpResponse<byte[]> answer = sandbox.get("/personas/buyer-nobody/sign.p12");

        JsonNode problem = problem(answer, 404);
        assertThat(problem.get("detail").stringValue()).contains("buyer-nobody", "buyer-aidar");
        assertThat(problem.get("instance").stringValue()).isEqualTo("/sandbox/personas/buyer-nobody/sign.p12");
        problem(sandbox.post("/personas/buyer-nobody/sign/revocation"), 404);
    }

    @Test
    void anUnknownKeyOrFileIsA404Problem() {
        assertThat(problem(sandbox.get("/personas/platform/auth.p12"), 404).get("detail").stringValue()).contains("sign key only");
        assertThat(problem(sandbox.get("/personas/buyer-aidar/seal.p12"), 404).get("detail").stringValue()).contains("'seal'");
        assertThat(problem(sandbox.get("/personas/buyer-aidar/sign.zip"), 404).get("detail").stringValue()).contains("sign.p12");
        assertThat(problem(sandbox.post("/personas/buyer-aidar/seal/renewal"), 404).get("detail").stringValue()).contains("auth and sign");
        problem(sandbox.get("/no/such/thing"), 404);
    }

    @Test
    void anUnknownRevocationReasonIsA400ProblemAndRevokesNothing() {
        HttpResponse<byte[]> answer = sandbox.post("/personas/staff-admin/sign/revocation", "application/json",
                "{\"reason\": 8}".getBytes(StandardCharsets.UTF_8));

        assertThat(problem(answer, 400).get("detail").stringValue()).contains("1 (keyCompromise)");
        problem(sandbox.post("/personas/staff-admin/sign/revocation", "application/json", "{reason".getBytes(StandardCharsets.UTF_8)), 400);
        assertThat(sandbox.key("staff-admin", "SIGN").get("status").stringValue()).isEqualTo("good");
    }

    private static JsonNode problem(HttpResponse<byte[]> answer, int status) {
        assertThat(answer.statusCode()).as(new String(answer.body(), StandardCharsets.UTF_8)).isEqualTo(status);
        assertThat(answer.headers().firstValue("Content-Type")).contains("application/problem+json");
        JsonNode problem = json(answer);
        assertThat(problem.get("status").intValue()).isEqualTo(status);
        assertThat(problem.get("detail").stringValue()).isNotBlank().doesNotContain("Exception");
        return problem;
    }
}
