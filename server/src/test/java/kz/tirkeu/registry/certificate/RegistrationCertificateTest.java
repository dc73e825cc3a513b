package kz.tirkeu.registry.certificate;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.DecodeHintType;
import com.google.zxing.client.j2se.BufferedImageLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import kz.tirkeu.pki.cert.KzCertificate;
import kz.tirkeu.pki.crypto.Pem;
import kz.tirkeu.pki.crypto.SignatureAlgorithms;
import kz.tirkeu.pki.document.DigitalDocumentVerifier;
import kz.tirkeu.pki.document.VerifiedDocument;
import kz.tirkeu.pki.identity.Bin;
import kz.tirkeu.pki.identity.Iin;
import kz.tirkeu.pki.net.PkiHttpClient;
import kz.tirkeu.pki.revocation.RevocationChecker;
import kz.tirkeu.pki.validation.ExpectedSigner;
import kz.tirkeu.pki.validation.SignatureValidator;
import kz.tirkeu.pki.validation.SubIndication;
import kz.tirkeu.pki.validation.ValidationPolicy;
import kz.tirkeu.statesystems.Answer;
import kz.tirkeu.statesystems.Individuals;
import kz.tirkeu.statesystems.VehiclePassports;
import kz.tirkeu.statesystems.Vin;
import kz.tirkeu.testing.TirkeuClient;
import kz.tirkeu.testing.TirkeuServerTest;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * The registration certificate end to end: issued by the real issuer from sandbox ЭПТС and ГБД ФЛ data,
 * signed with the sandbox platform key and time-stamped by the sandbox TSA; downloaded by its owner;
 * checked offline, on the public page and by upload.
 */
@TirkeuServerTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RegistrationCertificateTest {

    private static final Pattern CSRF_FIELD = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

    @LocalServerPort
    int port;
    @Autowired
    PlatformCertificateIssuer issuer;
    @Autowired
    VehiclePassports passports;
    @Autowired
    Individuals individuals;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    Clock clock;

    TirkeuClient client;
    HttpClient http = HttpClient.newHttpClient();
    String ownerToken;
    String strangerToken;
    String ownerIin;
    Individuals.Individual owner;
    IssuedCertificate certificate;
    CertificateRequest request;

    @BeforeAll
    void issueOne() {
        client = new TirkeuClient(port);
        ownerToken = client.signIn("buyer-aidar");
        strangerToken = client.signIn("buyer-aigerim");
        ownerIin = KzCertificate.of(client.key("buyer-aidar", "auth").certificate()).iin().orElseThrow().value();
        owner = found(individuals.find(new Iin(ownerIin)));
        request = requestFor("A-2026-" + UUID.randomUUID().toString().substring(0, 8), 0);
        certificate = issuer.issue(request);
    }

    private CertificateRequest requestFor(String applicationNumber, int vehicleIndex) {
        JsonNode vehicles = client.get("/sandbox/seed/v1/ready-vehicles?offset=" + vehicleIndex + "&limit=1", null).body();
        VehiclePassports.VehiclePassport vehicle = found(passports.find(new Vin(vehicles.get(0).path("vin").asString())));
        return new CertificateRequest(applicationNumber, "777ABA02", "02", vehicle, owner,
                "Административная полиция ДП г. Алматы", Instant.now(clock));
    }

    private static <T> T found(Answer<T> answer) {
        assertThat(answer).isInstanceOf(Answer.Found.class);
        return ((Answer.Found<T>) answer).value();
    }

    @Test
    void theCertificateHasASeriesAndANumberAndAnUnguessableCode() {
        assertThat(certificate.series()).isEqualTo("AA");
        assertThat(certificate.number()).matches("[0-9]{8}");
        assertThat(certificate.verificationCode()).matches("[A-Za-z0-9_-]{22}");
        assertThat(certificate.verificationUrl().toString()).isEqualTo(client.base() + "/verify/" + certificate.verificationCode());
    }

    @Test
    void theDownloadedDocumentVerifiesOfflineWithOnlyTheEvidenceInside() throws Exception {
        byte[] document = download("/api/v1/certificates/" + compact() + "/document", ownerToken);

        VerifiedDocument verified = offlineVerifier().verify(document, ExpectedSigner.organisation(Bin.of("190340010014")));

        assertThat(verified.passed()).as(verified.report().toText()).isTrue();
        assertThat(verified.report().signers().getFirst().checks()).anyMatch(c -> c.detail().contains("embedded in the document"));
        JsonNode content = client.json().readTree(verified.content().orElseThrow());
        assertThat(content.path("documentType").asString()).isEqualTo("kz.tirkeu.registration-certificate");
        assertThat(content.path("series").asString() + " " + content.path("number").asString()).isEqualTo(certificate.seriesAndNumber());
        assertThat(content.path("plateNumber").asString()).isEqualTo("777ABA02");
        assertThat(content.path("vehicle").path("vin").asString()).isEqualTo(request.vehicle().vin());
        assertThat(content.path("vehicle").path("engineNumber").asString()).isEqualTo(request.vehicle().engineNumber());
        assertThat(content.path("owner").path("iin").asString()).isEqualTo(ownerIin);
        assertThat(content.path("owner").path("name").asString()).isEqualTo(owner.fullName());
        assertThat(content.path("owner").path("address").asString()).isNotBlank();
        assertThat(content.path("issuingUnit").asString()).isEqualTo(request.issuingUnit());
        assertThat(content.path("applicationNumber").asString()).isEqualTo(request.applicationNumber());
        assertThat(content.path("verification").path("url").asString()).isEqualTo(certificate.verificationUrl().toString());
    }

    @Test
    void aFileChangedByOneByteFailsOfflineAndOnThePublicPage() throws Exception {
        byte[] tampered = download("/api/v1/certificates/" + compact() + "/document", ownerToken);
        int at = indexOf(tampered, "777ABA02".getBytes(StandardCharsets.UTF_8));
        tampered[at] = '8'; // the plate now reads 877ABA02

        VerifiedDocument verified = offlineVerifier().verify(tampered, ExpectedSigner.organisation(Bin.of("190340010014")));
        assertThat(verified.passed()).isFalse();
        assertThat(verified.report().subIndication()).contains(SubIndication.HASH_FAILURE);

        HttpResponse<String> page = upload(tampered, "en");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("This file is not a valid registration certificate")
                .contains("the file was changed after signing").doesNotContain("The signature is genuine");
        assertThat(upload(tampered, "kk").body()).contains("файл қол қойылғаннан кейін өзгертілген");
    }

    @Test
    void theGenuineFileUploadedIsTheCurrentCertificateUntilItIsAnnulled() throws Exception {
        IssuedCertificate another = issuer.issue(requestFor("A-2026-" + UUID.randomUUID().toString().substring(0, 8), 1));
        byte[] file = download("/api/v1/certificates/" + another.series() + another.number() + "/document", ownerToken);

        String before = upload(file, "en").body();
        assertThat(before).contains("The signature is genuine").contains("It is the current certificate on record")
                .contains(another.seriesAndNumber()).doesNotContain(ownerIin);

        assertThat(issuer.annul(new CertificateNumber(another.series(), another.number()), "registration found unlawful")).isTrue();
        assertThat(issuer.annul(new CertificateNumber(another.series(), another.number()), "twice")).isFalse();

        assertThat(upload(file, "en").body()).contains("The signature is genuine").contains("has since been annulled");
        assertThat(page("/verify/" + another.verificationCode() + "?lang=en", null).body()).contains("has been annulled");
        JsonNode json = client.get("/api/v1/verify/" + another.verificationCode(), null).body();
        assertThat(json.path("status").asString()).isEqualTo("ANNULLED");
        assertThat(json.path("current").asBoolean()).isFalse();
        assertThat(json.path("signatureVerifies").asBoolean()).isTrue();
    }

    @Test
    void thePublicPageAndItsJsonShowTheMinimumAndNeverTheOwner() throws Exception {
        for (String lang : List.of("kk", "ru", "en")) {
            HttpResponse<String> page = page("/verify/" + certificate.verificationCode() + "?lang=" + lang, null);
            assertThat(page.statusCode()).isEqualTo(200);
            assertThat(page.body()).contains(certificate.seriesAndNumber()).contains("777ABA02").contains(request.vehicle().make())
                    .contains(request.vehicle().model()).contains(request.issuingUnit());
            assertNoOwner(page.body());
        }
        assertThat(page("/verify/" + certificate.verificationCode() + "?lang=kk", null).body()).contains("Куәлік жарамды және қолданыстағы");
        assertThat(page("/verify/" + certificate.verificationCode() + "?lang=ru", null).body()).contains("Свидетельство действительно");
        assertThat(page("/verify/" + certificate.verificationCode(), "ru-RU,ru;q=0.9").body()).contains("Свидетельство действительно");
        assertThat(page("/verify/" + certificate.verificationCode(), "en-GB").body()).contains("The certificate is valid and current");

        TirkeuClient.Reply json = client.get("/api/v1/verify/" + certificate.verificationCode(), null);
        assertThat(json.status()).isEqualTo(200);
        assertThat(json.body().path("seriesAndNumber").asString()).isEqualTo(certificate.seriesAndNumber());
        assertThat(json.body().path("plateNumber").asString()).isEqualTo("777ABA02");
        assertThat(json.body().path("status").asString()).isEqualTo("VALID");
        assertThat(json.body().path("current").asBoolean()).isTrue();
        assertNoOwner(json.raw().body());

        byte[] file = download("/api/v1/certificates/" + compact() + "/document", ownerToken);
        assertNoOwner(upload(file, "ru").body());
    }

    private void assertNoOwner(String text) {
        assertThat(text).doesNotContain(ownerIin).doesNotContain(owner.surname()).doesNotContain(owner.fullName());
        assertThat(text).doesNotContain(owner.address().street());
    }

    @Test
    void anUnknownCodeIsAReadableNotFound() throws Exception {
        HttpResponse<String> page = page("/verify/AAAAAAAAAAAAAAAAAAAAAA?lang=en", null);
        assertThat(page.statusCode()).isEqualTo(404);
        assertThat(page.headers().firstValue("Content-Type").orElse("")).startsWith("text/html");
        assertThat(page.body()).contains("No registration certificate has this verification code");
        assertThat(page("/verify/not-a-code!", null).statusCode()).isEqualTo(404);

        TirkeuClient.Reply json = client.get("/api/v1/verify/AAAAAAAAAAAAAAAAAAAAAA", null);
        assertThat(json.status()).isEqualTo(404);
        assertThat(json.code()).isEqualTo("VERIFICATION_CODE_UNKNOWN");
    }

    @Test
    void issuingTwiceGivesTheSameCertificateEvenFromTwoServersAtOnce() throws Exception {
        assertThat(issuer.issue(request)).isEqualTo(certificate);

        CertificateRequest raced = requestFor("A-2026-" + UUID.randomUUID().toString().substring(0, 8), 2);
        // Two issuers racing past the "already issued?" check: both sign, one insert wins.
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            Callable<IssuedCertificate> issue = () -> issuer.issue(raced);
            List<Future<IssuedCertificate>> both = pool.invokeAll(List.of(issue, issue));
            assertThat(both.get(0).get()).isEqualTo(both.get(1).get());
        } finally {
            pool.shutdown();
        }
        assertThat(jdbc.sql("select count(*) from registration_certificate where application_number = :a")
                .param("a", raced.applicationNumber()).query(Integer.class).single()).isEqualTo(1);
    }

    @Test
    void onlyTheOwnerMayDownloadOrListTheCertificate() throws Exception {
        TirkeuClient.Reply mine = client.get("/api/v1/me/certificates", ownerToken);
        assertThat(mine.status()).isEqualTo(200);
        assertThat(mine.body().findValuesAsString("number")).contains(compact());

        assertThat(client.get("/api/v1/me/certificates", strangerToken).body().findValuesAsString("number")).doesNotContain(compact());
        for (String path : List.of("/document", "/pdf?lang=kk", "/pdf?lang=ru")) {
            TirkeuClient.Reply refused = client.get("/api/v1/certificates/" + compact() + path, strangerToken);
            assertThat(refused.status()).as(path).isEqualTo(404);
            assertThat(refused.code()).isEqualTo("CERTIFICATE_NOT_FOUND");
        }
        assertThat(client.get("/api/v1/certificates/" + compact() + "/document", null).status()).isEqualTo(401);

        HttpResponse<byte[]> document = http.send(HttpRequest.newBuilder(URI.create(client.base() + "/api/v1/certificates/" + compact() + "/document"))
                .header("Authorization", "Bearer " + ownerToken).build(), HttpResponse.BodyHandlers.ofByteArray());
        assertThat(document.headers().firstValue("Content-Type")).contains("application/pkcs7-mime");
        assertThat(document.headers().firstValue("Content-Disposition").orElse("")).startsWith("attachment").contains(".p7m");
        assertThat(client.get("/api/v1/certificates/" + compact() + "/pdf?lang=de", ownerToken).status()).isEqualTo(400);
    }

    @Test
    void thePdfInKazakhAndRussianCarriesTheLabelsTheNumbersAndAQrCodeOfTheVerificationUrl() throws Exception {
        Map<String, List<String>> expected = Map.of(
                "kk", List.of("КӨЛІК ҚҰРАЛЫН ТІРКЕУ ТУРАЛЫ КУӘЛІК", "Мемлекеттік тіркеу нөмірі", "Қозғалтқыш қуаты", "Шығарылған жылы",
                        "Меншік иесі", "ЖСН", "Түпнұсқасы", "платформаның"),
                "ru", List.of("СВИДЕТЕЛЬСТВО О РЕГИСТРАЦИИ ТРАНСПОРТНОГО СРЕДСТВА", "Государственный регистрационный номер", "Собственник"));
        for (var language : expected.entrySet()) {
            byte[] pdf = download("/api/v1/certificates/" + compact() + "/pdf?lang=" + language.getKey(), ownerToken);
            try (PDDocument document = Loader.loadPDF(pdf)) {
                // Long labels wrap onto two lines; compare words, not line breaks.
                String text = new PDFTextStripper().getText(document).replaceAll("\\s+", " ");
                assertThat(text).contains(language.getValue()).contains("777ABA02").contains(certificate.seriesAndNumber())
                        .contains(request.vehicle().vin()).contains(owner.fullName()).contains(ownerIin);

                BufferedImage image = new PDFRenderer(document).renderImageWithDPI(0, 150);
                String qr = new QRCodeReader().decode(new BinaryBitmap(new HybridBinarizer(new BufferedImageLuminanceSource(image))),
                        Map.of(DecodeHintType.TRY_HARDER, Boolean.TRUE)).getText();
                assertThat(qr).isEqualTo(certificate.verificationUrl().toString());
            }
        }
    }

    @Test
    void theEmbeddedFontHasEveryKazakhLetter() throws Exception {
        try (PDDocument document = new PDDocument(); InputStream ttf = getClass().getResourceAsStream(CertificatePdf.FONT)) {
            PDType0Font font = PDType0Font.load(document, ttf);
            for (char letter : "әғқңөұүһіӘҒҚҢӨҰҮҺІ".toCharArray()) {
                assertThat(font.hasGlyph(letter)).as(String.valueOf(letter)).isTrue();
            }
        }
    }

    @Test
    void anUploadWithoutTheFormsCsrfTokenIsRefused() throws Exception {
        HttpResponse<String> forged = http.send(multipart(new byte[] {1, 2, 3}, Map.of(), null), HttpResponse.BodyHandlers.ofString());
        assertThat(forged.statusCode()).isEqualTo(403);
        assertThat(forged.body()).contains("CSRF_TOKEN_INVALID");
    }

    @Test
    void anUploadOfSomethingElseSaysSoInPlainWords() throws Exception {
        assertThat(upload("not a certificate".getBytes(StandardCharsets.UTF_8), "en").body())
                .contains("This file is not a valid registration certificate").contains("not a signed Tirkeu document");
    }

    // --- helpers

    private String compact() {
        return certificate.series() + certificate.number();
    }

    private DigitalDocumentVerifier offlineVerifier() throws Exception {
        byte[] rootPem = http.send(HttpRequest.newBuilder(URI.create(client.base() + "/sandbox/ca/certs/root.pem")).build(),
                HttpResponse.BodyHandlers.ofByteArray()).body();
        // No network: OCSP and CRL can come only from inside the file.
        SignatureValidator validator = new SignatureValidator(new ValidationPolicy(Set.copyOf(Pem.readCertificates(rootPem)), List.of(),
                SignatureAlgorithms.defaults()), new RevocationChecker(PkiHttpClient.offline(), clock, true), clock);
        return new DigitalDocumentVerifier(validator);
    }

    private byte[] download(String path, String token) throws Exception {
        HttpResponse<byte[]> response = http.send(HttpRequest.newBuilder(URI.create(client.base() + path))
                .header("Authorization", "Bearer " + token).build(), HttpResponse.BodyHandlers.ofByteArray());
        assertThat(response.statusCode()).as(path).isEqualTo(200);
        return response.body();
    }

    private HttpResponse<String> page(String path, String acceptLanguage) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(client.base() + path));
        if (acceptLanguage != null) {
            request.header("Accept-Language", acceptLanguage);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** As a browser: open the page (which sets the CSRF cookie and puts the token in the form), then post the form. */
    private HttpResponse<String> upload(byte[] file, String lang) throws Exception {
        HttpResponse<String> form = page("/verify?lang=" + lang, null);
        Matcher token = CSRF_FIELD.matcher(form.body());
        assertThat(token.find()).as("the upload form carries a CSRF token").isTrue();
        String cookie = form.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith("XSRF-TOKEN="))
                .map(c -> c.substring(0, c.indexOf(';'))).findFirst().orElseThrow();
        return http.send(multipart(file, Map.of("_csrf", token.group(1), "lang", lang), cookie), HttpResponse.BodyHandlers.ofString());
    }

    private HttpRequest multipart(byte[] file, Map<String, String> fields, String cookie) {
        String boundary = "----tirkeu" + UUID.randomUUID();
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        List<byte[]> parts = new ArrayList<>();
        fields.forEach((name, value) -> parts.add(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + name + "\"\r\n\r\n"
                + value + "\r\n").getBytes(StandardCharsets.UTF_8)));
        parts.add(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"certificate.p7m\"\r\n"
                + "Content-Type: application/pkcs7-mime\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        parts.add(file);
        parts.add(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        parts.forEach(body::writeBytes);
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(client.base() + "/verify"))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()));
        if (cookie != null) {
            request.header("Cookie", cookie);
        }
        return request.build();
    }

    private static int indexOf(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i <= haystack.length - needle.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        throw new AssertionError("not found in the file");
    }
}
