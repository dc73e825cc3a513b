package kz.tirkeu.identity.web;

import kz.tirkeu.identity.IdentityProperties;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.ResponseCookie;
import org.springframework.stereotype.Component;

/**
 * The cookies sign-in sets and clears, all with the same attributes (issue [7]): HttpOnly, SameSite=Lax, Path=/ and,
 * in production, Secure — the clearing ones too, or a browser that holds a Secure cookie ignores the order to drop it.
 * The session cookie lives for the browser session only (no Max-Age): closing the browser forgets it, and the server
 * still ends the session after its idle timeout and lifetime whatever the browser keeps.
 */
@Component
class SessionCookies {

    private final boolean secure;

    @Autowired
    SessionCookies(IdentityProperties properties) {
        this(properties.secureCookies());
    }

    SessionCookies(boolean secure) {
        this.secure = secure;
    }

    String session(String token) {
        return base(SessionAuthentication.COOKIE, token).build().toString();
    }

    String clearSession() {
        return clear(SessionAuthentication.COOKIE);
    }

    /** The sign-in in progress, between the signature and the code: as long as the code is valid. */
    String pendingSignIn(String signInId, java.time.Duration codeValidity) {
        return base(SignInPages.PENDING_COOKIE, signInId).maxAge(codeValidity).build().toString();
    }

    String clearPendingSignIn() {
        return clear(SignInPages.PENDING_COOKIE);
    }

    private String clear(String name) {
        return base(name, "").maxAge(0).build().toString();
    }

    private ResponseCookie.ResponseCookieBuilder base(String name, String value) {
        return ResponseCookie.from(name, value).path("/").httpOnly(true).sameSite("Lax").secure(secure);
    }
}
