package kz.tirkeu.identity.web;

import java.util.Map;
import java.util.Optional;
import java.util.Set;
import kz.tirkeu.identity.Role;
import kz.tirkeu.identity.SignedInPerson;
import kz.tirkeu.identity.session.Sessions;
import kz.tirkeu.pki.identity.Bin;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** The signed-in person's own session: who am I, sign out here, sign out everywhere. */
@RestController
@AnySignedIn
class SessionApi {

    private final Sessions sessions;
    private final SessionCookies cookies;

    SessionApi(Sessions sessions, SessionCookies cookies) {
        this.sessions = sessions;
        this.cookies = cookies;
    }

    @GetMapping("/api/v1/me")
    Me me(SignedInPerson person) {
        return new Me(person.iin().value(), person.bin().map(Bin::value), person.name(), person.roles(), person.scopes());
    }

    @PostMapping("/api/v1/auth/sign-out")
    @ResponseStatus(HttpStatus.NO_CONTENT) // for the OpenAPI document, which otherwise says 200
    ResponseEntity<Void> signOut(SignedInPerson person) {
        sessions.end(person.sessionId(), "signed out");
        return ResponseEntity.status(HttpStatus.NO_CONTENT).header("Set-Cookie", cookies.clearSession()).build();
    }

    @PostMapping("/api/v1/auth/sign-out-everywhere")
    ResponseEntity<SessionsEnded> signOutEverywhere(SignedInPerson person) {
        int ended = sessions.endAll(person.iin(), "signed out everywhere");
        return ResponseEntity.ok().header("Set-Cookie", cookies.clearSession()).body(new SessionsEnded(ended));
    }

    record SessionsEnded(int sessionsEnded) {}

    record Me(String iin, Optional<String> bin, String name, Set<Role> roles, Map<Role, Set<String>> scopes) {}
}
