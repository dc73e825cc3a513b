package kz.tirkeu.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpRequest;
import java.util.Map;
import kz.tirkeu.testing.TirkeuClient;
import kz.tirkeu.testing.TirkeuClient.Reply;
import kz.tirkeu.testing.TirkeuServerTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Issue [11]: refusals were English whatever Accept-Language said. A problem's detail is in the language the client
 * asks for, else the one the person chose for their notices, else English; its code never changes.
 */
@TirkeuServerTest
class ProblemLanguagesTest {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient db;

    TirkeuClient client;

    @BeforeEach
    void client() {
        client = new TirkeuClient(port);
    }

    private Reply unknownApplication(String token, String acceptLanguage) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(client.base() + "/api/v1/applications/TRK-0000-0000000")).GET();
        if (acceptLanguage != null) {
            request.header("Accept-Language", acceptLanguage);
        }
        return client.send(request, token);
    }

    private Reply unknownSignIn(String acceptLanguage) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(client.base() + "/api/v1/auth/sign-ins/00000000-0000-0000-0000-000000000000/confirmation"))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString("{\"code\":\"123456\"}"));
        if (acceptLanguage != null) {
            request.header("Accept-Language", acceptLanguage);
        }
        return client.send(request, null);
    }

    @Test
    void theDetailIsInTheLanguageTheClientAsksForAndTheCodeStaysTheSame() {
        Reply kazakh = unknownSignIn("kk-KZ,kk;q=0.9");
        Reply russian = unknownSignIn("ru");
        Reply english = unknownSignIn("en-GB");

        assertThat(kazakh.code()).isEqualTo("SIGN_IN_UNKNOWN");
        assertThat(russian.code()).isEqualTo("SIGN_IN_UNKNOWN");
        assertThat(english.code()).isEqualTo("SIGN_IN_UNKNOWN");
        assertThat(kazakh.body().path("detail").asString()).isEqualTo("Бұл кіру белгісіз. Кіруді қайта бастаңыз.");
        assertThat(russian.body().path("detail").asString()).isEqualTo("Этот вход неизвестен. Начните вход заново.");
        assertThat(english.body().path("detail").asString()).isEqualTo("This sign-in is unknown. Start the sign-in again.");
        assertThat(kazakh.raw().headers().firstValue("Content-Type")).hasValue("application/problem+json");
    }

    @Test
    void aLanguageThePlatformDoesNotWriteIsAnsweredInTheFirstOneItDoes() {
        assertThat(unknownSignIn("de-DE, ru;q=0.8, en;q=0.5").body().path("detail").asString()).isEqualTo("Этот вход неизвестен. Начните вход заново.");
        assertThat(unknownSignIn("de-DE").body().path("detail").asString()).isEqualTo("This sign-in is unknown. Start the sign-in again.");
    }

    @Test
    void factsInTheTextAreFilledInEveryLanguage() {
        String token = client.signIn("buyer-aidar");
        HttpRequest.Builder tooDeep = HttpRequest.newBuilder(URI.create(client.base() + "/api/v1/applications?page=100000&size=50"))
                .header("Accept-Language", "ru").GET();

        Reply russian = client.send(tooDeep, token);

        assertThat(russian.code()).isEqualTo("PAGE_OUT_OF_RANGE");
        assertThat(russian.body().path("detail").asString()).startsWith("Страница 100000 глубже, чем просматривается список (");
    }

    @Test
    void withoutAcceptLanguageAPersonIsAnsweredInTheLanguageTheyChoseForTheirNotices() {
        String token = client.signIn("buyer-aidar");
        String iin = client.get("/api/v1/me", token).body().path("iin").asString();
        try {
            assertThat(client.put("/api/v1/me/notification-preferences", Map.of("language", "kk"), token).status()).isEqualTo(200);

            Reply chosen = unknownApplication(token, null);
            Reply asked = unknownApplication(token, "ru");

            assertThat(chosen.code()).isEqualTo("APPLICATION_NOT_FOUND");
            assertThat(chosen.body().path("detail").asString()).isEqualTo("Сізде бұл нөмірлі өтінім жоқ.");
            assertThat(asked.body().path("detail").asString()).isEqualTo("У вас нет заявления с этим номером.");
        } finally {
            db.sql("delete from recipient_preferences where iin = ?").param(iin).update();
        }
    }
}
