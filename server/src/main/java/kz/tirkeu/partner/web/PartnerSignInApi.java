package kz.tirkeu.partner.web;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import kz.tirkeu.identity.session.SessionKind;
import kz.tirkeu.identity.signin.SignIn;
import kz.tirkeu.identity.web.PublicEndpoint;
import kz.tirkeu.partner.client.PartnerCaller;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * A person signs in through a partner system: the first two steps are the platform's own (POST /api/v1/auth/challenges,
 * the person signs it with their EDS key, POST /api/v1/auth/sign-ins); the partner confirms with the person's one-time
 * code here, with its own access token, and the session it gets is bound to it. The code reaches only the person (SMS
 * to their МБГ phone or their authenticator), so a partner holds a session only of someone who gave it their code.
 */
@RestController
@RequestMapping(path = "/api/v1/partner", produces = MediaType.APPLICATION_JSON_VALUE)
@PublicEndpoint // the partner's access token is checked by the PartnerCaller parameter; the person's proof by SignIn
class PartnerSignInApi {

    private final SignIn signIn;

    PartnerSignInApi(SignIn signIn) {
        this.signIn = signIn;
    }

    @PostMapping("/sign-ins/{signInId}/confirmation")
    SessionResponse confirm(PartnerCaller partner, @PathVariable UUID signInId, @RequestBody Code body) {
        SignIn.OpenedSession session = signIn.confirm(signInId, body.code(), SessionKind.BEARER, Optional.of(partner.clientId()));
        return new SessionResponse(session.token().value(), PartnerAuthentication.SESSION_HEADER, session.token().expiresAt(), session.personName());
    }

    record Code(String code) {}

    /** @param header where to send the session: this header, next to the partner's own Authorization */
    record SessionResponse(String sessionToken, String header, Instant expiresAt, String personName) {}
}
