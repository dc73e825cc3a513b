package kz.tirkeu.sandbox;

import static kz.tirkeu.sandbox.SandboxHttp.json;
import static kz.tirkeu.sandbox.SandboxHttp.ok;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.math.BigInteger;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.cert.CRLReason;
import java.security.cert.CertificateFactory;
import java.security.cert.X509CRL;
import java.security.cert.X509CRLEntry;
import java.time.Clock;
import java.time.Duration;
import kz.tirkeu.pki.crypto.Pem;
import kz.tirkeu.pki.crypto.SigningCredential;
import kz.tirkeu.pki.validation.SubIndication;
import kz.tirkeu.pki.validation.ValidationReport;
import kz.tirkeu.pki.validation.ValidationRequest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/** Revoking and renewing a persona's key through the API, seen at once by a relying party over OCSP and the CRL. */
@SandboxTest
class PersonaRevocationTest {

    private static final byte[] CONSENT = "{\"application\":\"A-2026-000043\",\"consent\":true}".getBytes(StandardCharsets.UTF_8);

    @LocalServerPort
    int port;

    SandboxHttp sandbox;

    @BeforeEach
    void connect() {
        sandbox = SandboxHttp.onPort(port);
    }

    @Test
    void aRevokedCertificateIsReportedRevokedAtOnceAndListedInTheCrl() throws Exception {
        SigningCredential key = sandbox.download("buyer-yerlan", "SIGN");
        // Claims to be signed a minute ago and carries no time-stamp: nothing proves it predates the revocation.
        byte[] signedBefore = SandboxHttp.sign(CONSENT, key, Clock.offset(Clock.systemUTC(), Duration.ofMinutes(-1)));
        assertThat(sandbox.freshValidator().validate(ValidationRequest.of(signedBefore)).passed()).isTrue();

        HttpResponse<byte[]> revoked = sandbox.post("/personas/buyer-yerlan/sign/revocation", "application/json",
                "{\"reason\": \"keyCompromise\"}".getBytes(StandardCharsets.UTF_8));

        JsonNode answer = json(ok(revoked));
        assertThat(answer.get("status").stringValue()).isEqualTo("revoked");
        assertThat(answer.get("revocationReason").stringValue()).isEqualTo("keyCompromise");
        assertThat(sandbox.key("buyer-yerlan", "SIGN").get("status").stringValue()).isEqualTo("revoked");

        ValidationReport before = sandbox.freshValidator().validate(ValidationRequest.of(signedBefore));
        assertThat(before.subIndication()).as(before.toText()).contains(SubIndication.REVOKED_NO_POE);

        ValidationReport after = sandbox.freshValidator().validate(ValidationRequest.of(sandbox.signTimeStamped(CONSENT, key)));
        assertThat(after.subIndication()).as(after.toText()).contains(SubIndication.REVOKED);
        assertThat(after.message()).contains("OCSP " + sandbox.base() + "/ca/ocsp");

        X509CRLEntry entry = intermediateCrl().getRevokedCertificate(key.certificate().getSerialNumber());
        assertThat(entry).as("the intermediate CRL lists the certificate").isNotNull();
        assertThat(entry.getRevocationReason()).isEqualTo(CRLReason.KEY_COMPROMISE);
    }

    @Test
    void renewalGivesANewWorkingKeyAndRetiresTheOldOne() throws Exception {
        sandbox.post("/personas/buyer-gulnar/sign/revocation");
        BigInteger revokedSerial = sandbox.download("buyer-gulnar", "SIGN").certificate().getSerialNumber();

        JsonNode renewed = json(ok(sandbox.post("/personas/buyer-gulnar/sign/renewal")));
        SigningCredential fresh = sandbox.download("buyer-gulnar", "SIGN");

        assertThat(renewed.get("status").stringValue()).isEqualTo("good");
        assertThat(new BigInteger(renewed.get("serial").stringValue(), 16)).isEqualTo(fresh.certificate().getSerialNumber()).isNotEqualTo(revokedSerial);
        ValidationReport report = sandbox.freshValidator().validate(ValidationRequest.of(sandbox.signTimeStamped(CONSENT, fresh)));
        assertThat(report.passed()).as(report.toText()).isTrue();

        // Renewing a key that is still good revokes it as superseded: one live key per persona and purpose.
        json(ok(sandbox.post("/personas/buyer-gulnar/sign/renewal")));
        X509CRLEntry superseded = intermediateCrl().getRevokedCertificate(fresh.certificate().getSerialNumber());
        assertThat(superseded).isNotNull();
        assertThat(superseded.getRevocationReason()).isEqualTo(CRLReason.SUPERSEDED);
    }

    private X509CRL intermediateCrl() throws Exception {
        HttpResponse<byte[]> crl = ok(sandbox.get("/ca/crl/intermediate.crl"));
        assertThat(crl.headers().firstValue("Content-Type")).contains("application/pkix-crl");
        X509CRL parsed = (X509CRL) CertificateFactory.getInstance("X.509").generateCRL(new ByteArrayInputStream(crl.body()));
        parsed.verify(Pem.readCertificate(ok(sandbox.get("/ca/certs/intermediate.pem")).body()).getPublicKey());
        return parsed;
    }
}
