package kz.tirkeu.sandbox.ca;

import static kz.tirkeu.sandbox.SandboxHttp.ok;
import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.util.Base64;
import kz.tirkeu.pki.crypto.Pem;
import kz.tirkeu.sandbox.SandboxHttp;
import kz.tirkeu.sandbox.SandboxTest;
import org.bouncycastle.asn1.DEROctetString;
import org.bouncycastle.asn1.ocsp.OCSPObjectIdentifiers;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.Extensions;
import org.bouncycastle.cert.jcajce.JcaX509CertificateHolder;
import org.bouncycastle.cert.ocsp.BasicOCSPResp;
import org.bouncycastle.cert.ocsp.CertificateID;
import org.bouncycastle.cert.ocsp.OCSPReq;
import org.bouncycastle.cert.ocsp.OCSPReqBuilder;
import org.bouncycastle.cert.ocsp.OCSPResp;
import org.bouncycastle.cert.ocsp.OCSPRespBuilder;
import org.bouncycastle.cert.ocsp.SingleResp;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;
import org.bouncycastle.tsp.TSPAlgorithms;
import org.bouncycastle.tsp.TimeStampRequest;
import org.bouncycastle.tsp.TimeStampRequestGenerator;
import org.bouncycastle.tsp.TimeStampResponse;
import org.bouncycastle.asn1.cmp.PKIStatus;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/** The CA's services as any OCSP, TSA or CRL client sees them, including clients that send garbage. */
@SandboxTest
class CaServicesTest {

    private static final SecureRandom RANDOM = new SecureRandom();

    @LocalServerPort
    int port;

    SandboxHttp sandbox;
    X509Certificate root;
    X509Certificate intermediate;

    @BeforeEach
    void connect() {
        sandbox = SandboxHttp.onPort(port);
        root = sandbox.root();
        intermediate = Pem.readCertificate(ok(sandbox.get("/ca/certs/intermediate.pem")).body());
    }

    @Test
    void ocspByPostAnswersGoodForAPersonasCertificate() throws Exception {
        X509Certificate persona = sandbox.download("staff-auditor", "SIGN").certificate();

        HttpResponse<byte[]> answer = sandbox.post("/ca/ocsp", "application/ocsp-request", requestFor(persona).getEncoded());

        assertThat(ok(answer).headers().firstValue("Content-Type")).contains("application/ocsp-response");
        assertThat(singleResponse(answer.body()).getCertStatus()).as("good").isNull();
        assertThat(sandbox.ocsp(persona).getCertStatus()).as("good").isNull();
    }

    @Test
    void ocspByGetReadsTheUrlEncodedBase64OfRfc6960() throws Exception {
        X509Certificate persona = sandbox.download("staff-auditor", "AUTH").certificate();
        String base64;
        do {
            base64 = Base64.getEncoder().encodeToString(requestFor(persona).getEncoded());
        } while (!base64.contains("/")); // the character servlet containers are wary of

        HttpResponse<byte[]> answer = sandbox.get("/ca/ocsp/" + URLEncoder.encode(base64, StandardCharsets.US_ASCII));

        assertThat(ok(answer).headers().firstValue("Content-Type")).contains("application/ocsp-response");
        assertThat(singleResponse(answer.body()).getCertStatus()).as("good").isNull();
    }

    @Test
    void aMalformedOcspRequestGetsMalformedRequestNotAServerError() throws Exception {
        HttpResponse<byte[]> posted = sandbox.post("/ca/ocsp", "application/ocsp-request", "not DER".getBytes(StandardCharsets.US_ASCII));
        HttpResponse<byte[]> got = sandbox.get("/ca/ocsp/bm90IERFUg%3D%3D");

        for (HttpResponse<byte[]> answer : java.util.List.of(posted, got)) {
            assertThat(ok(answer).headers().firstValue("Content-Type")).contains("application/ocsp-response");
            assertThat(new OCSPResp(answer.body()).getStatus()).isEqualTo(OCSPRespBuilder.MALFORMED_REQUEST);
        }
    }

    @Test
    void theTsaGrantsAQueryAndRejectsGarbageInRfc3161Terms() throws Exception {
        TimeStampRequestGenerator generator = new TimeStampRequestGenerator();
        generator.setCertReq(true);
        TimeStampRequest query = generator.generate(TSPAlgorithms.SHA256, new byte[32], BigInteger.valueOf(RANDOM.nextLong()));

        HttpResponse<byte[]> granted = sandbox.post("/ca/tsa", "application/timestamp-query", query.getEncoded());
        HttpResponse<byte[]> rejected = sandbox.post("/ca/tsa", "application/timestamp-query", "junk".getBytes(StandardCharsets.US_ASCII));

        assertThat(ok(granted).headers().firstValue("Content-Type")).contains("application/timestamp-reply");
        TimeStampResponse reply = new TimeStampResponse(granted.body());
        reply.validate(query);
        assertThat(reply.getStatus()).isEqualTo(PKIStatus.GRANTED);
        assertThat(new TimeStampResponse(ok(rejected).body()).getStatus()).isEqualTo(PKIStatus.REJECTION);
    }

    @Test
    void bothCrlsAreSignedByTheirCa() throws Exception {
        X509CRL rootCrl = crl("/ca/crl/root.crl");
        X509CRL intermediateCrl = crl("/ca/crl/intermediate.crl");

        rootCrl.verify(root.getPublicKey());
        intermediateCrl.verify(intermediate.getPublicKey());
        assertThat(intermediateCrl.getNextUpdate()).isInTheFuture();
    }

    @Test
    void theCertificatesComeAsPemAndDerAndFormAChain() throws Exception {
        HttpResponse<byte[]> der = ok(sandbox.get("/ca/certs/root.cer"));

        assertThat(der.headers().firstValue("Content-Type")).contains("application/pkix-cert");
        assertThat(ok(sandbox.get("/ca/certs/root.pem")).headers().firstValue("Content-Type")).contains("application/x-pem-file");
        assertThat(Pem.readCertificate(der.body())).isEqualTo(root);
        root.verify(root.getPublicKey());
        intermediate.verify(root.getPublicKey());
    }

    @Test
    void theIndexNamesTheAddressesWrittenIntoCertificates() {
        JsonNode index = SandboxHttp.json(ok(sandbox.get("/ca")));

        assertThat(index.get("ocsp").stringValue()).isEqualTo(sandbox.base() + "/ca/ocsp");
        assertThat(index.get("tsa").stringValue()).isEqualTo(sandbox.base() + "/ca/tsa");
        assertThat(index.get("root").get("pem").stringValue()).isEqualTo(sandbox.base() + "/ca/certs/root.pem");
    }

    private OCSPReq requestFor(X509Certificate certificate) throws Exception {
        CertificateID id = new CertificateID(new JcaDigestCalculatorProviderBuilder().build().get(CertificateID.HASH_SHA1),
                new JcaX509CertificateHolder(intermediate), certificate.getSerialNumber());
        byte[] nonce = new byte[16];
        RANDOM.nextBytes(nonce);
        return new OCSPReqBuilder().addRequest(id)
                .setRequestExtensions(new Extensions(new Extension(OCSPObjectIdentifiers.id_pkix_ocsp_nonce, false, new DEROctetString(nonce))))
                .build();
    }

    private static SingleResp singleResponse(byte[] der) throws Exception {
        OCSPResp response = new OCSPResp(der);
        assertThat(response.getStatus()).isEqualTo(OCSPRespBuilder.SUCCESSFUL);
        return ((BasicOCSPResp) response.getResponseObject()).getResponses()[0];
    }

    private X509CRL crl(String path) throws Exception {
        HttpResponse<byte[]> answer = ok(sandbox.get(path));
        assertThat(answer.headers().firstValue("Content-Type")).contains("application/pkix-crl");
        return (X509CRL) java.security.cert.CertificateFactory.getInstance("X.509").generateCRL(new java.io.ByteArrayInputStream(answer.body()));
    }
}
