package kz.tirkeu.sandbox.mbg;

import static kz.tirkeu.sandbox.SandboxHttp.json;
import static kz.tirkeu.sandbox.SandboxHttp.ok;
import static kz.tirkeu.sandbox.SandboxHttp.problem;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import kz.tirkeu.pki.identity.Iin;
import kz.tirkeu.sandbox.SandboxHttp;
import kz.tirkeu.sandbox.SandboxTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/** МБГ as the platform's adapter asks it: by IIN, for the phone one-time codes go to. */
@SandboxTest
class MbgApiTest {

    @LocalServerPort
    int port;

    SandboxHttp sandbox;

    @BeforeEach
    void connect() {
        sandbox = SandboxHttp.onPort(port);
    }

    @Test
    void aBuyersRegisteredPhoneIsTheOneThePersonaListShows() {
        JsonNode aidar = sandbox.persona("buyer-aidar");
        String iin = aidar.get("iin").stringValue();

        JsonNode subscriber = json(ok(sandbox.get("/mbg/v1/subscribers/" + iin)));

        assertThat(subscriber.get("iin").stringValue()).isEqualTo(iin);
        assertThat(subscriber.get("phone").stringValue()).matches("\\+77\\d{9}").isEqualTo(aidar.get("phone").stringValue());
        assertThat(subscriber.propertyNames()).containsExactlyInAnyOrder("iin", "phone");
    }

    @Test
    void dealerEmployeesAndStaffHavePhonesToo() {
        for (String id : new String[] {"dealer1-manager", "staff-police-officer"}) {
            String iin = sandbox.persona(id).get("iin").stringValue();
            assertThat(json(ok(sandbox.get("/mbg/v1/subscribers/" + iin))).get("phone").stringValue()).as(id).startsWith("+77");
        }
    }

    @Test
    void theBuyerWithoutAPhoneIsA404Problem() {
        JsonNode gulnar = sandbox.persona("buyer-gulnar");
        assertThat(gulnar.has("phone")).isFalse();

        JsonNode problem = problem(sandbox.get("/mbg/v1/subscribers/" + gulnar.get("iin").stringValue()), 404);

        assertThat(problem.get("detail").stringValue()).contains("no phone");
    }

    @Test
    void aValidIinOfSomebodyElseHasNoPhoneEither() {
        problem(sandbox.get("/mbg/v1/subscribers/" + Iin.generate(LocalDate.of(1955, 2, 2), true, 9876).value()), 404);
    }

    @Test
    void aBadCheckDigitOrAMalformedIinIsA400Problem() {
        String iin = sandbox.persona("buyer-aidar").get("iin").stringValue();
        String wrongCheckDigit = iin.substring(0, 11) + ((iin.charAt(11) - '0' + 1) % 10);

        assertThat(problem(sandbox.get("/mbg/v1/subscribers/" + wrongCheckDigit), 400).get("detail").stringValue()).contains("check digit");
        problem(sandbox.get("/mbg/v1/subscribers/12345"), 400);
        problem(sandbox.get("/mbg/v1/subscribers/abcdefghijkl"), 400);
    }
}
