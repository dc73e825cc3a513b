package kz.tirkeu.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import kz.tirkeu.pki.cert.KzCertificate;
import kz.tirkeu.pki.crypto.SigningCredential;
import kz.tirkeu.testing.TestClock;
import kz.tirkeu.testing.TirkeuClient;
import kz.tirkeu.testing.TirkeuServerTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The browser's sign-in through the pages, with a cookie jar like a browser's: the session cookie's
 * attributes, CSRF on the forms, no session fixation, the idle timeout.
 */
@TirkeuServerTest
class BrowserSignInTest {

    private static final Pattern CSRF_FIELD = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

    @LocalServerPort
    int port;

    @Autowired
    TestClock clock;

    @Autowired
    JdbcClient db;

    TirkeuClient api;
    CookieManager cookies;
    HttpClient browser;

    @BeforeEach
    void browser() {
        api = new TirkeuClient(port);
        cookies = new CookieManager();
        browser = HttpClient.newBuilder().cookieHandler(cookies).followRedirects(HttpClient.Redirect.NEVER).build();
        db.sql("delete from second_factor_lock").update();
    }

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    private HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return browser.send(HttpRequest.newBuilder(uri(path)).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> postForm(String path, Map<String, String> fields) throws IOException, InterruptedException {
        String form = fields.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        return browser.send(HttpRequest.newBuilder(uri(path)).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private URI uri(String path) {
        return URI.create("http://localhost:" + port + path);
    }

    private static String csrf(HttpResponse<String> page) {
        Matcher m = CSRF_FIELD.matcher(page.body());
        assertThat(m.find()).as("the form carries a CSRF token").isTrue();
        return m.group(1);
    }

    /** Signs in through the pages; returns the response that should set the session cookie. */
    private HttpResponse<String> signInThroughPages(String personaId) throws Exception {
        SigningCredential key = api.key(personaId, "auth");
        HttpResponse<String> signInPage = get("/signin");
        assertThat(signInPage.statusCode()).isEqualTo(200);
        var challenge = api.post("/api/v1/auth/challenges", "", null).body();
        Instant before = Instant.now();
        HttpResponse<String> signed = postForm("/signin", Map.of("_csrf", csrf(signInPage),
                "challengeId", challenge.path("challengeId").asString(),
                "signature", api.signBase64(challenge.path("dataToSign").asString(), key)));
        assertThat(signed.statusCode()).as(signed.body()).isEqualTo(302);
        assertThat(signed.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).endsWith("/signin/code"));
        HttpResponse<String> codePage = get("/signin/code");
        String code = api.codeSentTo(api.phoneOf(KzCertificate.of(key.certificate()).iin().orElseThrow().value()), before);
        return postForm("/signin/code", Map.of("_csrf", csrf(codePage), "code", code));
    }

    @Test
    void signingInThroughThePagesGivesAnHttpOnlySameSiteCookieAndTheCabinet() throws Exception {
        HttpResponse<String> confirmed = signInThroughPages("buyer-aidar");

        assertThat(confirmed.statusCode()).isEqualTo(302);
        assertThat(confirmed.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).endsWith("/cabinet"));
        String setCookie = confirmed.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith("TIRKEU_SESSION=")).findFirst().orElseThrow();
        assertThat(setCookie).contains("HttpOnly").contains("SameSite=Lax").contains("Path=/");
        assertThat(setCookie).as("lives for the browser session, not 12 hours (issue [7])").doesNotContain("Max-Age").doesNotContain("Expires");
        HttpResponse<String> cabinet = get("/cabinet");
        assertThat(cabinet.statusCode()).isEqualTo(200);
        assertThat(cabinet.body()).contains("НҰРЛАНОВ АЙДАР").contains("BUYER");
    }

    @Test
    void aFormPostedWithoutItsCsrfTokenIsRefused() throws Exception {
        signInThroughPages("buyer-aidar");

        HttpResponse<String> forged = postForm("/signout", Map.of());
        assertThat(forged.statusCode()).isEqualTo(403);
        assertThat(forged.body()).contains("CSRF_TOKEN_INVALID");
        assertThat(get("/cabinet").statusCode()).as("still signed in").isEqualTo(200);

        // A cookie-authenticated API call is a form post in disguise: it needs the token too.
        HttpResponse<String> apiForged = browser.send(HttpRequest.newBuilder(uri("/api/v1/auth/sign-out"))
                .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(apiForged.statusCode()).isEqualTo(403);

        HttpResponse<String> genuine = postForm("/signout", Map.of("_csrf", csrf(get("/cabinet"))));
        assertThat(genuine.statusCode()).isEqualTo(302);
        assertThat(get("/cabinet").headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).endsWith("/signin"));
    }

    @Test
    void theSignInFormItselfIsCsrfProtected() throws Exception {
        var challenge = api.post("/api/v1/auth/challenges", "", null).body();
        HttpResponse<String> forged = postForm("/signin", Map.of("challengeId", challenge.path("challengeId").asString(),
                "signature", api.signBase64(challenge.path("dataToSign").asString(), api.key("buyer-aidar", "auth"))));
        assertThat(forged.statusCode()).isEqualTo(403);
    }

    @Test
    void aSessionIdPlantedBeforeSignInIsNeverAdopted() throws Exception {
        HttpCookie planted = new HttpCookie("TIRKEU_SESSION", "attacker-chosen-value");
        planted.setPath("/");
        cookies.getCookieStore().add(uri("/"), planted);

        HttpResponse<String> confirmed = signInThroughPages("buyer-aidar");

        String issued = confirmed.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith("TIRKEU_SESSION="))
                .map(c -> c.substring("TIRKEU_SESSION=".length(), c.indexOf(';'))).findFirst().orElseThrow();
        assertThat(issued).isNotEqualTo("attacker-chosen-value").hasSizeGreaterThan(40);
        assertThat(api.get("/api/v1/me", "attacker-chosen-value").status()).isEqualTo(401);
        assertThat(api.get("/api/v1/me", issued).status()).isEqualTo(200);
    }

    @Test
    void aBrowserSessionEndsAfterThirtyIdleMinutes() throws Exception {
        signInThroughPages("buyer-aidar");
        assertThat(get("/cabinet").statusCode()).isEqualTo(200);

        clock.advance(Duration.ofMinutes(29));
        assertThat(get("/cabinet").statusCode()).as("activity within the idle timeout").isEqualTo(200);
        clock.advance(Duration.ofMinutes(31));

        assertThat(get("/cabinet").statusCode()).isEqualTo(302);
    }

    /**
     * Issue [7]: {@code GET /language} also changed the language of a signed-in person's notices — a state change on GET,
     * which any page elsewhere could trigger with an image. Now only the CSRF-protected form in the header does.
     */
    @Test
    void onlyTheHeadersFormChangesTheLanguageOfNotices() throws Exception {
        String token = sessionToken(signInThroughPages("buyer-aidar"));
        String before = noticeLanguage(token);
        String other = before.equals("en") ? "kk" : "en";
        try {
            HttpResponse<String> link = get("/language?lang=" + other + "&return=/cabinet");
            assertThat(link.statusCode()).isEqualTo(302);
            assertThat(noticeLanguage(token)).as("a GET changes nothing kept")
                    .isEqualTo(before);

            HttpResponse<String> forged = postForm("/language", Map.of("lang", other, "return", "/cabinet"));
            assertThat(forged.statusCode()).as("without the form's token").isEqualTo(403);

            HttpResponse<String> chosen = postForm("/language", Map.of("_csrf", csrf(get("/cabinet")), "lang", other, "return", "/cabinet"));
            assertThat(chosen.statusCode()).isEqualTo(302);
            assertThat(chosen.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).endsWith("/cabinet"));
            assertThat(noticeLanguage(token)).isEqualTo(other);
        } finally {
            api.put("/api/v1/me/notification-preferences", Map.of("language", before), token);
        }
    }

    private String noticeLanguage(String token) {
        return api.get("/api/v1/me/notification-preferences", token).body().path("language").asString().toLowerCase(java.util.Locale.ROOT);
    }

    private static String sessionToken(HttpResponse<String> confirmed) {
        return confirmed.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith("TIRKEU_SESSION="))
                .map(c -> c.substring("TIRKEU_SESSION=".length(), c.indexOf(';'))).findFirst().orElseThrow();
    }

    @Test
    void theSignInPageIsServedInTheThreeLanguages() throws Exception {
        Map<String, String> titles = new LinkedHashMap<>();
        for (String lang : new String[] {"kk", "ru", "en"}) {
            HttpResponse<String> page = browser.send(HttpRequest.newBuilder(uri("/signin")).header("Accept-Language", lang).build(),
                    HttpResponse.BodyHandlers.ofString());
            Matcher title = Pattern.compile("<h1>([^<]+)</h1>").matcher(page.body());
            assertThat(title.find()).isTrue();
            titles.put(lang, title.group(1));
        }
        assertThat(titles).containsEntry("kk", "Tirkeu жүйесіне кіру").containsEntry("ru", "Вход в Tirkeu").containsEntry("en", "Sign in to Tirkeu");
    }
}
