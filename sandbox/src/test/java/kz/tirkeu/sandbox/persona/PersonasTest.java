package kz.tirkeu.sandbox.persona;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.util.List;
import kz.tirkeu.pki.cert.KeyPurpose;
import kz.tirkeu.pki.crypto.SigningCredential;
import kz.tirkeu.sandbox.SandboxAddress;
import kz.tirkeu.sandbox.SandboxDataDirectory;
import kz.tirkeu.sandbox.ca.SandboxCa;
import org.bouncycastle.cert.ocsp.CertificateID;
import org.bouncycastle.cert.ocsp.OCSPReqBuilder;
import org.bouncycastle.cert.ocsp.OCSPResp;
import org.bouncycastle.cert.ocsp.BasicOCSPResp;
import org.bouncycastle.cert.jcajce.JcaX509CertificateHolder;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/** What the sandbox keeps on disk between runs, and what it throws away (without a web server: the address is fixed). */
@ExtendWith(OutputCaptureExtension.class)
class PersonasTest {

    private static final URI HERE = URI.create("http://localhost:18080/sandbox");
    private static final URI ELSEWHERE = URI.create("http://sandbox.test.kz/sandbox");

    @TempDir
    Path dir;

    private final PersonaCatalogue catalogue = PersonaCatalogue.of(List.of(PersonaCatalogue.standard().find("buyer-aidar").orElseThrow()));
    private final Persona aidar = catalogue.personas().getFirst();

    @Test
    void aRestartKeepsTheCaAndTheKeysAndTheResponderStillKnowsThem() throws Exception {
        Run first = run(HERE);
        X509Certificate sign = first.personas.key(aidar, KeyPurpose.SIGN).orElseThrow().certificate();

        Run second = run(HERE);

        assertThat(second.ca.hierarchy().rootCertificate()).isEqualTo(first.ca.hierarchy().rootCertificate());
        assertThat(second.personas.key(aidar, KeyPurpose.SIGN).orElseThrow().certificate()).isEqualTo(sign);
        assertThat(ocspStatus(second.ca, sign)).as("good, not unknown").isNull();
    }

    @Test
    void aCaMadeForAnotherAddressIsReplacedWithItsKeysAndTheLogSaysWhy(CapturedOutput output) {
        Run first = run(HERE);
        X509Certificate before = first.personas.key(aidar, KeyPurpose.AUTH).orElseThrow().certificate();

        Run moved = run(ELSEWHERE);
        X509Certificate after = moved.personas.key(aidar, KeyPurpose.AUTH).orElseThrow().certificate();

        assertThat(moved.ca.hierarchy().rootCertificate()).isNotEqualTo(first.ca.hierarchy().rootCertificate());
        assertThat(after.getSerialNumber()).isNotEqualTo(before.getSerialNumber());
        assertThat(new String(after.getExtensionValue("1.3.6.1.5.5.7.1.1"), java.nio.charset.StandardCharsets.ISO_8859_1))
                .as("authority information access").contains("http://sandbox.test.kz/sandbox/ca/ocsp");
        assertThat(output).contains("serves " + HERE + "/ca, but the sandbox is now at " + ELSEWHERE + "/ca");
    }

    @Test
    void aKeyFileThatCannotBeOpenedIsReplaced() throws Exception {
        Run first = run(HERE);
        SigningCredential original = first.personas.key(aidar, KeyPurpose.SIGN).orElseThrow().credential();
        Files.write(dir.resolve("personas/buyer-aidar/sign.p12"), new byte[] {1, 2, 3});

        Run second = run(HERE);

        SigningCredential replaced = second.personas.key(aidar, KeyPurpose.SIGN).orElseThrow().credential();
        assertThat(replaced.certificate()).isNotEqualTo(original.certificate());
        assertThat(PersonaKeyFiles.open(Files.readAllBytes(dir.resolve("personas/buyer-aidar/sign.p12"))).certificate()).isEqualTo(replaced.certificate());
    }

    private record Run(SandboxCa ca, Personas personas) {}

    private Run run(URI address) {
        SandboxDataDirectory data = SandboxDataDirectory.at(dir);
        SandboxCa ca = new SandboxCa(SandboxAddress.fixed(address), data.ca(), Clock.systemUTC());
        Personas personas = new Personas(catalogue, ca, data.personas(), Clock.systemUTC());
        personas.prepare();
        return new Run(ca, personas);
    }

    private static Object ocspStatus(SandboxCa ca, X509Certificate certificate) throws Exception {
        CertificateID id = new CertificateID(new JcaDigestCalculatorProviderBuilder().build().get(CertificateID.HASH_SHA1),
                new JcaX509CertificateHolder(ca.hierarchy().intermediate().certificate()), certificate.getSerialNumber());
        OCSPResp response = new OCSPResp(ca.hierarchy().ocsp().respond(new OCSPReqBuilder().addRequest(id).build().getEncoded()));
        return ((BasicOCSPResp) response.getResponseObject()).getResponses()[0].getCertStatus();
    }
}
