package kz.tirkeu.sandbox;

import static kz.tirkeu.sandbox.SandboxHttp.json;
import static kz.tirkeu.sandbox.SandboxHttp.ok;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/** {@code GET /sandbox}: where each emulated service is, so a tester never has to guess an address. */
@SandboxTest
class SandboxIndexTest {

    @LocalServerPort
    int port;

    @Test
    void theIndexNamesEveryService() {
        SandboxHttp sandbox = SandboxHttp.onPort(port);

        JsonNode index = json(ok(sandbox.get("")));

        assertThat(index.get("mbg").stringValue()).isEqualTo(sandbox.base() + "/mbg/v1/subscribers/{iin}");
        assertThat(index.get("sms").stringValue()).isEqualTo(sandbox.base() + "/sms/v1/messages");
        assertThat(index.get("mail").stringValue()).isEqualTo(sandbox.base() + "/mail/v1/messages");
        assertThat(index.get("signer").stringValue()).isEqualTo(sandbox.base() + "/signer");
        assertThat(index.get("ncalayer").stringValue()).isEqualTo("ws://localhost:" + port + "/sandbox/ncalayer");
        for (String field : new String[] {"ca", "personas", "smsPage"}) {
            assertThat(ok(sandbox.get(index.get(field).stringValue().substring(sandbox.base().toString().length()))).statusCode()).isEqualTo(200);
        }
    }
}
