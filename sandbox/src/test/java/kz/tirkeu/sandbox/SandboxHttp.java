package kz.tirkeu.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import kz.tirkeu.pki.cms.CadesSigner;
import kz.tirkeu.pki.cms.Packaging;
import kz.tirkeu.pki.crypto.Pem;
import kz.tirkeu.pki.crypto.SignatureAlgorithms;
import kz.tirkeu.pki.crypto.SigningCredential;
import kz.tirkeu.pki.net.PkiHttpClient;
import kz.tirkeu.pki.revocation.RevocationChecker;
import kz.tirkeu.pki.tsp.HttpTimeStampClient;
import kz.tirkeu.pki.tsp.TimeStampSource;
import kz.tirkeu.pki.validation.SignatureValidator;
import kz.tirkeu.pki.validation.ValidationPolicy;
import java.security.SecureRandom;
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
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** A tester's side of the sandbox: plain HTTP to its API and CA, and pki's signer and validator pointed at it. */
public final class SandboxHttp {

    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final URI base;

    private SandboxHttp(URI base) {
        this.base = base;
    }

    public static SandboxHttp onPort(int port) {
        return new SandboxHttp(URI.create("http://localhost:" + port + "/sandbox"));
    }

    public URI base() {
        return base;
    }

    public HttpResponse<byte[]> get(String path) {
        return send(HttpRequest.newBuilder(URI.create(base + path)).GET().build());
    }

    public HttpResponse<byte[]> post(String path, String contentType, byte[] body) {
        return send(HttpRequest.newBuilder(URI.create(base + path))
                .header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                .build());
    }

    public HttpResponse<byte[]> put(String path, String json) {
        return send(HttpRequest.newBuilder(URI.create(base + path))
                .header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(json))
                .build());
    }

    public HttpResponse<byte[]> delete(String path) {
        return send(HttpRequest.newBuilder(URI.create(base + path)).DELETE().build());
    }

    /** As a browser with the cookie it was given: a GET. */
    public HttpResponse<byte[]> getWithCookie(String path, String cookie) {
        return send(HttpRequest.newBuilder(URI.create(base + path)).header("Cookie", cookie).GET().build());
    }

    /** As a browser with the cookie it was given: a form posted. */
    public HttpResponse<byte[]> sendWithCookie(String path, String cookie, String form) {
        return send(HttpRequest.newBuilder(URI.create(base + path))
                .header("Cookie", cookie)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form))
                .build());
    }

    /** As a browser without cookies: a form posted. */
    public HttpResponse<byte[]> postForm(String path, String form) {
        return send(HttpRequest.newBuilder(URI.create(base + path))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form))
                .build());
    }

    public HttpResponse<byte[]> postJson(String path, String json) {
        return post(path, "application/json", json.getBytes(StandardCharsets.UTF_8));
    }

    /** A response that must be an RFC 9457 problem with this status; its JSON. */
    public static JsonNode problem(HttpResponse<byte[]> response, int status) {
        assertThat(response.statusCode()).as("%s answered %s", response.uri(), new String(response.body())).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type")).get().asString().startsWith("application/problem+json");
        JsonNode problem = json(response);
        assertThat(problem.get("status").intValue()).isEqualTo(status);
        assertThat(problem.get("detail").stringValue()).isNotBlank();
        return problem;
    }

    public HttpResponse<byte[]> post(String path) {
        return send(HttpRequest.newBuilder(URI.create(base + path)).POST(HttpRequest.BodyPublishers.noBody()).build());
    }

    public static JsonNode json(HttpResponse<byte[]> response) {
        return JsonMapper.shared().readTree(response.body());
    }

    public JsonNode personas() {
        return json(ok(get("/personas")));
    }

    public JsonNode persona(String id) {
        return json(ok(get("/personas/" + id)));
    }

    /** The persona's key entry ("AUTH" or "SIGN") as listed in the JSON. */
    public JsonNode key(String id, String purpose) {
        for (JsonNode key : persona(id).get("keys")) {
            if (key.get("purpose").stringValue().equals(purpose)) {
                return key;
            }
        }
        throw new AssertionError(id + " lists no " + purpose + " key");
    }

    /** Downloads the key file from the address the JSON gives and opens it with the password the JSON gives. */
    public SigningCredential download(String id, String purpose) {
        JsonNode key = key(id, purpose);
        HttpResponse<byte[]> file = ok(send(HttpRequest.newBuilder(URI.create(key.get("pkcs12").stringValue())).GET().build()));
        assertThat(file.headers().firstValue("Content-Type")).contains("application/x-pkcs12");
        return SigningCredential.fromPkcs12(file.body(), key.get("password").stringValue().toCharArray());
    }

    public X509Certificate root() {
        return Pem.readCertificate(ok(get("/ca/certs/root.pem")).body());
    }

    public TimeStampSource tsa() {
        return new HttpTimeStampClient(URI.create(base + "/ca/tsa"), PkiHttpClient.withDefaultTimeouts());
    }

    /** CAdES-T: signed now, time-stamped by the sandbox's TSA over HTTP. */
    public byte[] signTimeStamped(byte[] document, SigningCredential credential) {
        return CadesSigner.withDefaultAlgorithms().sign(document, credential, Packaging.ATTACHED, Optional.of(tsa()));
    }

    /** CAdES-BES with the signing time the clock gives, without a time-stamp. */
    public static byte[] sign(byte[] document, SigningCredential credential, Clock clock) {
        return new CadesSigner(SignatureAlgorithms.defaults(), clock).sign(document, credential, Packaging.ATTACHED, Optional.empty());
    }

    /** A relying party that trusts the sandbox's root as fetched over HTTP, with no cached revocation answers. */
    public SignatureValidator freshValidator() {
        return new SignatureValidator(ValidationPolicy.trusting(root()),
                new RevocationChecker(PkiHttpClient.withDefaultTimeouts(), Clock.systemUTC(), true), Clock.systemUTC());
    }

    /** Asks the sandbox's OCSP responder (POST, with a nonce) about a certificate of its intermediate CA. */
    public SingleResp ocsp(X509Certificate certificate) {
        try {
            X509Certificate intermediate = Pem.readCertificate(ok(get("/ca/certs/intermediate.pem")).body());
            CertificateID id = new CertificateID(new JcaDigestCalculatorProviderBuilder().build().get(CertificateID.HASH_SHA1),
                    new JcaX509CertificateHolder(intermediate), certificate.getSerialNumber());
            byte[] nonce = new byte[16];
            new SecureRandom().nextBytes(nonce);
            OCSPReq request = new OCSPReqBuilder().addRequest(id)
                    .setRequestExtensions(new Extensions(new Extension(OCSPObjectIdentifiers.id_pkix_ocsp_nonce, false, new DEROctetString(nonce))))
                    .build();
            OCSPResp response = new OCSPResp(ok(post("/ca/ocsp", "application/ocsp-request", request.getEncoded())).body());
            assertThat(response.getStatus()).isEqualTo(OCSPRespBuilder.SUCCESSFUL);
            return ((BasicOCSPResp) response.getResponseObject()).getResponses()[0];
        } catch (Exception e) {
            throw new AssertionError("cannot ask the sandbox's OCSP responder", e);
        }
    }

    public static HttpResponse<byte[]> ok(HttpResponse<byte[]> response) {
        assertThat(response.statusCode()).as("%s answered %s", response.uri(), new String(response.body())).isEqualTo(200);
        return response;
    }

    private HttpResponse<byte[]> send(HttpRequest request) {
        try {
            return client.send(request, HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new AssertionError("cannot reach " + request.uri(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }
}
