package kz.tirkeu.identity.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * Issue [7]: the session cookie carried Max-Age (12 h), so it outlived the browser session, and the cookies that clear
 * it lacked Secure, which browsers need to replace a Secure cookie.
 */
class SessionCookiesTest {

    @Test
    void theSessionCookieLivesForTheBrowserSessionOnly() {
        String cookie = new SessionCookies(true).session("token");

        assertThat(cookie).startsWith("TIRKEU_SESSION=token").contains("HttpOnly", "SameSite=Lax", "Path=/", "Secure")
                .doesNotContain("Max-Age").doesNotContain("Expires");
    }

    @Test
    void theCookiesThatClearCarryTheSameAttributesAsTheOnesTheyClear() {
        SessionCookies cookies = new SessionCookies(true);

        for (String clearing : new String[] {cookies.clearSession(), cookies.clearPendingSignIn()}) {
            assertThat(clearing).contains("Max-Age=0", "Secure", "HttpOnly", "SameSite=Lax", "Path=/");
        }
        assertThat(cookies.pendingSignIn("id", Duration.ofMinutes(5))).contains("Max-Age=300", "Secure");
    }

    @Test
    void withoutHttpsNoCookieIsMarkedSecure() {
        assertThat(new SessionCookies(false).session("token")).doesNotContain("Secure");
    }
}
