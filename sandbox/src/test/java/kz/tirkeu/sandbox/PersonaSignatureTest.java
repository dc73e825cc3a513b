package kz.tirkeu.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import kz.tirkeu.pki.cert.KeyPurpose;
import kz.tirkeu.pki.crypto.SigningCredential;
import kz.tirkeu.pki.identity.Bin;
import kz.tirkeu.pki.identity.Iin;
import kz.tirkeu.pki.validation.Check;
import kz.tirkeu.pki.validation.ExpectedSigner;
import kz.tirkeu.pki.validation.SubIndication;
import kz.tirkeu.pki.validation.ValidationReport;
import kz.tirkeu.pki.validation.ValidationRequest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A tester's round trip, over HTTP only: download a persona's key, sign with it, time-stamp at the
 * sandbox TSA, and validate trusting the root the sandbox publishes, with its OCSP answering.
 */
@SandboxTest
class PersonaSignatureTest {

    private static final byte[] CONSENT = "{\"application\":\"A-2026-000042\",\"vin\":\"XW8ZZZ61ZPG000042\",\"consent\":true}"
            .getBytes(StandardCharsets.UTF_8);

    @LocalServerPort
    int port;

    SandboxHttp sandbox;

    @BeforeEach
    void connect() {
        sandbox = SandboxHttp.onPort(port);
    }

    @Test
    void aBuyersSignatureTimeStampedByTheSandboxPassesWithTheSandboxOcspAnswering() {
        SigningCredential key = sandbox.download("buyer-aidar", "SIGN");
        Iin iin = Iin.of(sandbox.persona("buyer-aidar").get("iin").stringValue());

        ValidationReport report = sandbox.freshValidator().validate(ValidationRequest.of(sandbox.signTimeStamped(CONSENT, key))
                .expecting(ExpectedSigner.individual(iin))
                .requiringTimeStamp());

        assertThat(report.passed()).as(report.toText()).isTrue();
        assertThat(report.signers().getFirst().timeStamp()).isPresent();
        assertThat(report.signers().getFirst().checks()).filteredOn(c -> c.name().equals("revocation"))
                .extracting(Check::detail)
                .anySatisfy(detail -> assertThat(detail).startsWith("the signer's certificate: good").contains("OCSP " + sandbox.base() + "/ca/ocsp"));
    }

    @Test
    void aDealerHeadSignsForTheDealersBin() {
        SigningCredential key = sandbox.download("dealer1-head", "SIGN");
        Bin bin = Bin.of(sandbox.persona("dealer1-head").get("bin").stringValue());

        ValidationReport report = sandbox.freshValidator().validate(ValidationRequest.of(sandbox.signTimeStamped(CONSENT, key))
                .expecting(ExpectedSigner.withSigningRightFor(bin)));

        assertThat(report.passed()).as(report.toText()).isTrue();
    }

    @Test
    void aDealerClerkCannotSignForTheDealer() {
        SigningCredential key = sandbox.download("dealer2-clerk", "SIGN");
        Bin bin = Bin.of(sandbox.persona("dealer2-clerk").get("bin").stringValue());

        ValidationReport report = sandbox.freshValidator().validate(ValidationRequest.of(sandbox.signTimeStamped(CONSENT, key))
                .expecting(ExpectedSigner.withSigningRightFor(bin)));

        assertThat(report.subIndication()).as(report.toText()).contains(SubIndication.SIGNER_ROLE_FAILURE);
    }

    @Test
    void thePlatformSignsAsAnOrganisation() {
        SigningCredential key = sandbox.download("platform", "SIGN");
        Bin bin = Bin.of(sandbox.persona("platform").get("bin").stringValue());

        ValidationReport report = sandbox.freshValidator().validate(ValidationRequest.of(sandbox.signTimeStamped(CONSENT, key))
                .expecting(ExpectedSigner.organisation(bin)));

        assertThat(report.passed()).as(report.toText()).isTrue();
    }

    @Test
    void anAuthKeyServesForSignInButNotForDocuments() {
        SigningCredential key = sandbox.download("staff-police-officer", "AUTH");
        byte[] challenge = sandbox.signTimeStamped("sign-in challenge 7f3a".getBytes(StandardCharsets.UTF_8), key);

        ValidationReport signIn = sandbox.freshValidator().validate(ValidationRequest.of(challenge).forPurpose(KeyPurpose.AUTH));
        ValidationReport asDocument = sandbox.freshValidator().validate(ValidationRequest.of(challenge));

        assertThat(signIn.passed()).as(signIn.toText()).isTrue();
        assertThat(asDocument.subIndication()).as(asDocument.toText()).contains(SubIndication.KEY_PURPOSE_FAILURE);
    }
}
