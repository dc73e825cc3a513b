package kz.tirkeu.sandbox.signer;

import static kz.tirkeu.sandbox.SandboxHttp.json;
import static kz.tirkeu.sandbox.SandboxHttp.ok;
import static kz.tirkeu.sandbox.SandboxHttp.problem;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import kz.tirkeu.pki.cert.KeyPurpose;
import kz.tirkeu.pki.crypto.Pem;
import kz.tirkeu.pki.crypto.SigningCredential;
import kz.tirkeu.pki.identity.Bin;
import kz.tirkeu.pki.identity.Iin;
import kz.tirkeu.pki.validation.ExpectedSigner;
import kz.tirkeu.pki.validation.ValidationReport;
import kz.tirkeu.pki.validation.ValidationRequest;
import kz.tirkeu.sandbox.SandboxHttp;
import kz.tirkeu.sandbox.SandboxTest;
import org.bouncycastle.cms.CMSSignedData;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The sandbox signer as a browser meets it over a real WebSocket: the NCALayer protocol, signatures
 * with the chosen persona's keys that pki's validator accepts against the sandbox's root.
 */
@SandboxTest
class NcaLayerTest {

    private static final String CLIENT_AUTH = "1.3.6.1.5.5.7.3.2";
    private static final String EMAIL_PROTECTION = "1.3.6.1.5.5.7.3.4";
    private static final byte[] CHALLENGE = "{\"nonce\":\"3f9a1c\",\"origin\":\"https://tirkeu.kz\"}".getBytes(StandardCharsets.UTF_8);

    @LocalServerPort
    int port;

    SandboxHttp sandbox;

    @BeforeEach
    void connect() {
        sandbox = SandboxHttp.onPort(port);
    }

    /** A device of its own for each test, holding the persona's key. */
    private String deviceHolding(String personaId) {
        String device = "test-" + UUID.randomUUID();
        ok(sandbox.put("/signer/devices/" + device, "{\"personaId\":\"" + personaId + "\"}"));
        return device;
    }

    private NcaLayerClient connected(String device) throws InterruptedException {
        NcaLayerClient client = NcaLayerClient.forDevice(port, device);
        assertThat(client.nextMessage()).isEqualTo("{\"result\":{\"version\":\"1.4\"}}");
        return client;
    }

    private static String sign(byte[] data, boolean encapsulate, List<String> oids, boolean timeStamp) {
        ObjectNode request = JsonMapper.shared().createObjectNode();
        request.put("module", "kz.gov.pki.knca.basics");
        request.put("method", "sign");
        ObjectNode args = request.putObject("args");
        args.putArray("allowedStorages").add("JKS").add("PKCS12");
        args.put("format", "cms");
        args.put("data", Base64.getEncoder().encodeToString(data));
        ObjectNode signingParams = args.putObject("signingParams");
        signingParams.put("decode", true);
        signingParams.put("encapsulate", encapsulate);
        signingParams.put("digested", false);
        if (timeStamp) {
            signingParams.putObject("tsaProfile");
        } else {
            signingParams.putNull("tsaProfile");
        }
        ObjectNode signerParams = args.putObject("signerParams");
        oids.forEach(signerParams.putArray("extKeyUsageOids")::add);
        signerParams.putArray("chain");
        args.put("locale", "ru");
        return JsonMapper.shared().writeValueAsString(request);
    }

    private static byte[] theCms(JsonNode answer) {
        assertThat(answer.get("status").booleanValue()).as(answer.toString()).isTrue();
        assertThat(answer.get("body").get("result").size()).isEqualTo(1);
        return Base64.getDecoder().decode(answer.get("body").get("result").get(0).stringValue());
    }

    @Test
    void greetsAsNcaLayerAndListsItsStorage() throws Exception {
        try (NcaLayerClient client = connected(deviceHolding("buyer-aidar"))) {
            JsonNode tokens = client.ask("{\"module\":\"kz.gov.pki.knca.commonUtils\",\"method\":\"getActiveTokens\"}");

            assertThat(tokens.get("code").stringValue()).isEqualTo("200");
            assertThat(tokens.get("responseObject").get(0).stringValue()).isEqualTo("PKCS12");
            assertThat(tokens.get("responseObject").size()).isEqualTo(1);
        }
    }

    @Test
    void heartbeatsGetNoAnswer() throws Exception {
        try (NcaLayerClient client = connected(deviceHolding("buyer-aidar"))) {
            client.send("--heartbeat--");

            assertThat(client.quietFor(Duration.ofMillis(300))).isTrue();
            assertThat(client.ask("{\"module\":\"kz.gov.pki.knca.commonUtils\",\"method\":\"getActiveTokens\"}").get("code").stringValue())
                    .isEqualTo("200");
        }
    }

    @Test
    void signingInWithClientAuthUsesThePersonasAuthKeyAndPassesAsAuthentication() throws Exception {
        SigningCredential auth = sandbox.download("buyer-aidar", "AUTH");
        Iin iin = Iin.of(sandbox.persona("buyer-aidar").get("iin").stringValue());
        try (NcaLayerClient client = connected(deviceHolding("buyer-aidar"))) {
            byte[] cms = theCms(client.ask(sign(CHALLENGE, false, List.of(CLIENT_AUTH), false)));

            ValidationReport report = sandbox.freshValidator().validate(ValidationRequest.of(cms).withDetachedContent(CHALLENGE)
                    .forPurpose(KeyPurpose.AUTH).expecting(ExpectedSigner.individual(iin)));

            assertThat(report.passed()).as(report.toText()).isTrue();
            assertThat(report.signers().getFirst().signer().orElseThrow().x509()).isEqualTo(auth.certificate());
            assertThat(new CMSSignedData(cms).getSignedContent()).as("detached, as asked").isNull();
            assertThat(report.signers().getFirst().timeStamp()).isEmpty();
        }
    }

    @Test
    void signingADocumentWithATsaProfileGivesCadesTWithTheSignKey() throws Exception {
        SigningCredential sign = sandbox.download("dealer1-head", "SIGN");
        Bin bin = Bin.of(sandbox.persona("dealer1-head").get("bin").stringValue());
        byte[] document = "{\"application\":\"A-2026-000042\",\"consent\":true}".getBytes(StandardCharsets.UTF_8);
        try (NcaLayerClient client = connected(deviceHolding("dealer1-head"))) {
            byte[] cms = theCms(client.ask(sign(document, true, List.of(EMAIL_PROTECTION), true)));

            ValidationReport report = sandbox.freshValidator().validate(ValidationRequest.of(cms)
                    .expecting(ExpectedSigner.withSigningRightFor(bin)).requiringTimeStamp());

            assertThat(report.passed()).as(report.toText()).isTrue();
            assertThat(report.signers().getFirst().timeStamp()).isPresent();
            assertThat(report.signers().getFirst().signer().orElseThrow().x509()).isEqualTo(sign.certificate());
            assertThat((byte[]) new CMSSignedData(cms).getSignedContent().getContent()).as("encapsulated, as asked").isEqualTo(document);
        }
    }

    @Test
    void withoutExtendedKeyUsagesTheSignKeySigns() throws Exception {
        SigningCredential sign = sandbox.download("buyer-daulet", "SIGN");
        try (NcaLayerClient client = connected(deviceHolding("buyer-daulet"))) {
            byte[] cms = theCms(client.ask(sign(CHALLENGE, true, List.of(), false)));

            ValidationReport report = sandbox.freshValidator().validate(ValidationRequest.of(cms));

            assertThat(report.passed()).as(report.toText()).isTrue();
            assertThat(report.signers().getFirst().signer().orElseThrow().x509()).isEqualTo(sign.certificate());
        }
    }

    @Test
    void aDocumentBiggerThanOneWebSocketBufferIsSignedWhole() throws Exception {
        byte[] document = new byte[300 * 1024];
        new java.util.Random(42).nextBytes(document);
        try (NcaLayerClient client = connected(deviceHolding("buyer-aidar"))) {
            byte[] cms = theCms(client.ask(sign(document, false, List.of(), false)));

            ValidationReport report = sandbox.freshValidator().validate(ValidationRequest.of(cms).withDetachedContent(document));

            assertThat(report.passed()).as(report.toText()).isTrue();
        }
    }

    @Test
    void withNoPersonaChosenTheKeyListIsEmpty() throws Exception {
        try (NcaLayerClient client = connected("nobody-" + UUID.randomUUID())) {
            JsonNode answer = client.ask(sign(CHALLENGE, false, List.of(CLIENT_AUTH), false));

            assertThat(answer.get("status").booleanValue()).isFalse();
            assertThat(answer.get("code").stringValue()).isEqualTo("EMPTY_KEY_LIST");
            assertThat(answer.get("message").stringValue()).contains("/sandbox/signer");
            assertThat(answer.get("body").isObject()).isTrue();
            assertThat(answer.has("details")).isTrue();
        }
    }

    @Test
    void theBrowserWithoutADeviceCookieHasNoKeyEither() throws Exception {
        try (NcaLayerClient client = NcaLayerClient.withCookie(port, Optional.empty())) {
            client.nextMessage();
            assertThat(client.ask(sign(CHALLENGE, false, List.of(), false)).get("code").stringValue()).isEqualTo("EMPTY_KEY_LIST");
        }
    }

    @Test
    void thePlatformKeyHasNoAuthCertificateToSignInWith() throws Exception {
        try (NcaLayerClient client = connected(deviceHolding("platform"))) {
            assertThat(client.ask(sign(CHALLENGE, false, List.of(CLIENT_AUTH), false)).get("code").stringValue()).isEqualTo("EMPTY_KEY_LIST");
        }
    }

    @Test
    void malformedOrUnsupportedRequestsAreAnsweredAndTheConnectionStaysOpen() throws Exception {
        try (NcaLayerClient client = connected(deviceHolding("buyer-aidar"))) {
            JsonNode notJson = client.ask("{\"module\": \"kz.gov.pki.knca.basics\", \"method\": ");
            assertThat(notJson.get("status").booleanValue()).isFalse();
            assertThat(notJson.get("code").stringValue()).isEqualTo("WRONG_REQUEST");

            assertThat(client.ask(sign(CHALLENGE, false, List.of(), false).replace("\"cms\"", "\"xml\"")).get("code").stringValue())
                    .isEqualTo("UNSUPPORTED_FORMAT");
            assertThat(client.ask(sign(CHALLENGE, false, List.of(), false).replace("\"digested\":false", "\"digested\":true")).get("code").stringValue())
                    .isEqualTo("UNSUPPORTED");
            assertThat(client.ask("{\"module\":\"kz.gov.pki.knca.basics\",\"method\":\"sign\",\"args\":{\"format\":\"cms\",\"data\":42}}")
                    .get("code").stringValue()).isEqualTo("WRONG_REQUEST");
            assertThat(client.ask("{\"module\":\"kz.gov.pki.knca.basics\",\"method\":\"sign\",\"args\":{\"format\":\"cms\",\"data\":\"%%%\","
                    + "\"signingParams\":{\"decode\":true}}}").get("code").stringValue()).isEqualTo("WRONG_REQUEST");
            assertThat(client.ask("{\"module\":\"kz.gov.pki.knca.somethingElse\",\"method\":\"x\"}").get("code").stringValue())
                    .isEqualTo("WRONG_REQUEST");
            assertThat(client.ask("[1, 2, 3]").get("code").stringValue()).isEqualTo("WRONG_REQUEST");

            assertThat(client.isOpen()).isTrue();
            assertThat(theCms(client.ask(sign(CHALLENGE, false, List.of(), false)))).isNotEmpty();
        }
    }

    @Test
    void commonUtilsSignsWithTheKeyTypeAskedFor() throws Exception {
        SigningCredential auth = sandbox.download("buyer-aigerim", "AUTH");
        String data = Base64.getEncoder().encodeToString(CHALLENGE);
        try (NcaLayerClient client = connected(deviceHolding("buyer-aigerim"))) {
            JsonNode answer = client.ask("{\"module\":\"kz.gov.pki.knca.commonUtils\",\"method\":\"createCAdESFromBase64\","
                    + "\"args\":[\"PKCS12\",\"AUTHENTICATION\",\"" + data + "\",true]}");

            assertThat(answer.get("code").stringValue()).as(answer.toString()).isEqualTo("200");
            byte[] cms = Base64.getDecoder().decode(answer.get("responseObject").stringValue());
            ValidationReport report = sandbox.freshValidator().validate(ValidationRequest.of(cms).forPurpose(KeyPurpose.AUTH));
            assertThat(report.passed()).as(report.toText()).isTrue();
            assertThat(report.signers().getFirst().signer().orElseThrow().x509()).isEqualTo(auth.certificate());
        }
    }

    @Test
    void commonUtilsErrorsComeAsCode500() throws Exception {
        try (NcaLayerClient client = connected("nobody-" + UUID.randomUUID())) {
            JsonNode noKey = client.ask("{\"module\":\"kz.gov.pki.knca.commonUtils\",\"method\":\"createCAdESFromBase64\","
                    + "\"args\":[\"PKCS12\",\"SIGNATURE\",\"MTEK\",false]}");
            JsonNode badArguments = client.ask("{\"module\":\"kz.gov.pki.knca.commonUtils\",\"method\":\"createCAdESFromBase64\","
                    + "\"args\":[\"PKCS12\",123,\"MTEK\",false]}");

            assertThat(noKey.get("code").stringValue()).isEqualTo("500");
            assertThat(noKey.get("message").stringValue()).contains("No key");
            assertThat(badArguments.get("code").stringValue()).isEqualTo("500");
            assertThat(badArguments.get("message").stringValue()).contains("argument type mismatch");
        }
    }

    @Test
    void getKeyInfoDescribesTheInsertedSignKey() throws Exception {
        SigningCredential sign = sandbox.download("dealer2-manager", "SIGN");
        try (NcaLayerClient client = connected(deviceHolding("dealer2-manager"))) {
            JsonNode info = client.ask("{\"module\":\"kz.gov.pki.knca.commonUtils\",\"method\":\"getKeyInfo\",\"args\":[\"PKCS12\"]}")
                    .get("responseObject");

            assertThat(Pem.readCertificate(info.get("pem").stringValue().getBytes(StandardCharsets.US_ASCII))).isEqualTo(sign.certificate());
            assertThat(info.get("serialNumber").stringValue()).isEqualTo(sign.certificate().getSerialNumber().toString(16));
            assertThat(info.get("algorithm").stringValue()).isEqualTo("RSA");
            assertThat(info.get("subjectDn").stringValue()).contains("IIN" + sandbox.persona("dealer2-manager").get("iin").stringValue());
            assertThat(Long.parseLong(info.get("certNotAfter").stringValue())).isEqualTo(sign.certificate().getNotAfter().getTime());
        }
    }

    @Test
    void choosingAPersonaOnThePageArmsThisBrowsersWebSocket() throws Exception {
        var page = ok(sandbox.get("/signer"));
        String setCookie = page.headers().firstValue("Set-Cookie").orElseThrow();
        assertThat(setCookie).startsWith("tirkeu-sandbox-device=").contains("Path=/sandbox", "HttpOnly", "SameSite=Lax");
        assertThat(new String(page.body(), StandardCharsets.UTF_8)).contains("SANDBOX", "buyer-yerlan",
                // The page speaks Kazakh when the browser asks for no language, as the platform's pages do.
                "<html lang=\"kk\"", "Осы кілтті салу");
        String cookie = setCookie.substring(0, setCookie.indexOf(';'));
        SigningCredential yerlan = sandbox.download("buyer-yerlan", "AUTH");

        var chosen = sandbox.sendWithCookie("/signer", cookie, "personaId=buyer-yerlan");

        assertThat(chosen.statusCode()).isEqualTo(303);
        assertThat(new String(sandbox.getWithCookie("/signer", cookie).body(), StandardCharsets.UTF_8)).contains("Кілтті алу", "<code>buyer-yerlan</code>");
        try (NcaLayerClient browser = NcaLayerClient.withCookie(port, Optional.of(cookie))) {
            browser.nextMessage();
            byte[] cms = theCms(browser.ask(sign(CHALLENGE, false, List.of(CLIENT_AUTH), false)));
            ValidationReport report = sandbox.freshValidator().validate(ValidationRequest.of(cms).withDetachedContent(CHALLENGE)
                    .forPurpose(KeyPurpose.AUTH));
            assertThat(report.signers().getFirst().signer().orElseThrow().x509()).isEqualTo(yerlan.certificate());
        }
    }

    @Test
    void theDeviceApiSaysWhoseKeyADeviceHolds() {
        String device = deviceHolding("staff-psc-operator");

        JsonNode held = json(ok(sandbox.get("/signer/devices/" + device)));

        assertThat(held.get("personaId").stringValue()).isEqualTo("staff-psc-operator");
        assertThat(held.get("iin").stringValue()).isEqualTo(sandbox.persona("staff-psc-operator").get("iin").stringValue());
        problem(sandbox.get("/signer/devices/never-used-" + UUID.randomUUID()), 404);
        problem(sandbox.put("/signer/devices/" + device, "{\"personaId\":\"nobody\"}"), 400);
        problem(sandbox.put("/signer/devices/" + device, "{}"), 400);
        problem(sandbox.put("/signer/devices/bad%20id", "{\"personaId\":\"buyer-aidar\"}"), 400);
    }

    @Test
    void plainHttpToTheSignerSaysItIsAWebSocket() {
        assertThat(problem(sandbox.get("/ncalayer"), 426).get("detail").stringValue()).contains("WebSocket");
    }
}
