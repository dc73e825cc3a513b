package kz.tirkeu.identity.web;

import kz.tirkeu.pki.InvalidInputException;
import io.swagger.v3.oas.annotations.Operation;
import java.time.Instant;
import java.util.Base64;
import java.util.Locale;
import java.util.UUID;
import kz.tirkeu.identity.session.SessionKind;
import kz.tirkeu.identity.signin.Challenge;
import kz.tirkeu.identity.signin.SecondFactorRequested;
import kz.tirkeu.identity.signin.SignIn;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * Sign-in for API clients (partner channels, tests), the same three steps the browser pages take:
 * challenge → signed challenge → second-factor code → a short-lived bearer token.
 */
@RestController
// JSON only, decided before the handler runs: an Accept it cannot answer (image/png) is refused with a 406 before
// a challenge or sign-in attempt is stored (found by the API fuzzer, issue [7]).
@RequestMapping(path = "/api/v1/auth", produces = MediaType.APPLICATION_JSON_VALUE)
@PublicEndpoint // sign-in is how a session is obtained; each step checks its own proof
class SignInApi {

    private final SignIn signIn;

    SignInApi(SignIn signIn) {
        this.signIn = signIn;
    }

    @PostMapping("/challenges")
    @Operation(summary = "Sign-in, step 1: a challenge", description = "dataToSign is base64 of the exact bytes to sign with the AUTH key "
            + "(decode it first); the challenge is single-use and expires at expiresAt. At most tirkeu.identity.challenges-per-minute (120) "
            + "per client address and minute (429 TOO_MANY_REQUESTS, Retry-After).")
    @ResponseStatus(HttpStatus.CREATED)
    ChallengeResponse challenge() {
        Challenge challenge = signIn.challenge();
        return new ChallengeResponse(challenge.id(), Base64.getEncoder().encodeToString(challenge.dataToSign()), challenge.expiresAt());
    }

    @PostMapping("/sign-ins")
    @Operation(summary = "Sign-in, step 2: the signed challenge", description = "signature: the CMS (CAdES, base64) made with the AUTH key "
            + "over the decoded dataToSign, attached or detached; it must carry the intermediate CA's certificate (400 "
            + "CERTIFICATE_CHAIN_INCOMPLETE otherwise). Then a one-time code goes to the person (secondFactor SMS: to their phone in МБГ, "
            + "sentTo masked; TOTP: their authenticator app). In the sandbox, read the code from the newest message to that phone sent "
            + "after this call: GET /sandbox/mbg/v1/subscribers/{iin} gives the phone, GET /sandbox/sms/v1/messages?to={phone} the "
            + "messages, newest first. 400 CHALLENGE_INVALID (unknown, expired or used), CHALLENGE_MISMATCH.")
    @ResponseStatus(HttpStatus.CREATED)
    SecondFactorRequested presentSignature(@RequestBody SignedChallenge body, Locale locale) {
        if (body.challengeId() == null || body.signature() == null || body.signature().isBlank()) {
            throw new InvalidInputException("Send challengeId and signature (the base64 CMS made by NCALayer over dataToSign).");
        }
        return signIn.presentSignature(body.challengeId(), base64(body.signature()), locale);
    }

    @PostMapping("/sign-ins/{signInId}/confirmation")
    @Operation(summary = "Sign-in, step 3: the one-time code → a bearer token", description = "The code is valid tirkeu.identity.code-validity "
            + "(5 minutes): 401 CODE_WRONG (tries left in the detail), 410 CODE_EXPIRED; 429 SECOND_FACTOR_LOCKED after "
            + "tirkeu.identity.wrong-codes-before-lock (5) wrong codes. The token "
            + "(tokenType Bearer, valid until expiresAt, 15 minutes) goes in Authorization: Bearer <token>.")
    SessionToken confirm(@PathVariable UUID signInId, @RequestBody Code body) {
        SignIn.OpenedSession session = signIn.confirm(signInId, body.code(), SessionKind.BEARER);
        return new SessionToken(session.token().value(), "Bearer", session.token().expiresAt(), session.personName());
    }

    static byte[] base64(String value) {
        try {
            return Base64.getMimeDecoder().decode(value.strip());
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException("The signature is not base64: send the CMS exactly as NCALayer returned it.");
        }
    }

    record ChallengeResponse(UUID challengeId, String dataToSign, Instant expiresAt) {}

    record SignedChallenge(UUID challengeId, String signature) {}

    record Code(String code) {}

    record SessionToken(String accessToken, String tokenType, Instant expiresAt, String personName) {}
}
