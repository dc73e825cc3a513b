package kz.tirkeu.identity.web;

import java.util.Base64;
import java.util.UUID;
import kz.tirkeu.identity.Role;
import kz.tirkeu.identity.SignedInPerson;
import kz.tirkeu.identity.signin.SignIn;
import kz.tirkeu.identity.totp.TotpEnrolments;
import kz.tirkeu.identity.IdentityNotice;
import org.springframework.context.ApplicationEventPublisher;
import kz.tirkeu.pki.identity.Iin;
import kz.tirkeu.platform.web.ProblemException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * Staff enrol an authenticator app, which then replaces the SMS code at their sign-in, and may remove it. Both change
 * how the person signs in, so a bearer token is not enough (issue [7]): each needs a fresh proof — a sign-in challenge
 * ({@code POST /api/v1/auth/challenges}) signed with the person's own AUTH key — and each is told to the person through
 * the notification point, so that an enrolment they did not make does not go unnoticed.
 */
@RestController
@Allowed({Role.PSC_OPERATOR, Role.POLICE_OFFICER, Role.AUDITOR, Role.REGIME_AUTHORITY, Role.ADMIN})
class TotpApi {

    private final TotpEnrolments enrolments;
    private final SignIn signIn;
    private final ApplicationEventPublisher events;

    TotpApi(TotpEnrolments enrolments, SignIn signIn, ApplicationEventPublisher events) {
        this.enrolments = enrolments;
        this.signIn = signIn;
        this.events = events;
    }

    /** A challenge signed with the AUTH key, as at sign-in. */
    record Proof(String challengeId, String signature) {}

    @PostMapping("/api/v1/me/totp")
    TotpEnrolments.PendingEnrolment start(SignedInPerson person, @RequestBody(required = false) Proof proof) {
        requireFreshProof(person, proof);
        return enrolments.start(person.iin(), person.name());
    }

    @PostMapping("/api/v1/me/totp/confirmation")
    @ResponseStatus(HttpStatus.NO_CONTENT) // for the OpenAPI document, which otherwise says 200
    ResponseEntity<Void> confirm(SignedInPerson person, @RequestBody Code body) {
        if (body.code() == null || !enrolments.confirm(person.iin(), body.code().strip())) {
            throw new ProblemException("CODE_WRONG", HttpStatus.BAD_REQUEST,
                    "The code does not match. Check the app's clock and enter the code it shows now.").situation("totp");
        }
        events.publishEvent(new IdentityNotice.SignInChanged(person.iin(), IdentityNotice.Change.TOTP_ENROLLED));
        return ResponseEntity.noContent().build();
    }

    @DeleteMapping("/api/v1/me/totp")
    @ResponseStatus(HttpStatus.NO_CONTENT) // for the OpenAPI document, which otherwise says 200
    ResponseEntity<Void> remove(SignedInPerson person, @RequestBody(required = false) Proof proof) {
        requireFreshProof(person, proof);
        if (!enrolments.remove(person.iin())) {
            throw new ProblemException("TOTP_NOT_ENROLLED", HttpStatus.NOT_FOUND, "No authenticator app is enrolled for you.");
        }
        events.publishEvent(new IdentityNotice.SignInChanged(person.iin(), IdentityNotice.Change.TOTP_REMOVED));
        return ResponseEntity.noContent().build();
    }

    private void requireFreshProof(SignedInPerson person, Proof proof) {
        if (proof == null || proof.challengeId() == null || proof.signature() == null) {
            throw new ProblemException("FRESH_PROOF_REQUIRED", HttpStatus.UNAUTHORIZED, "Changing how you sign in needs a fresh proof: get a challenge "
                    + "(POST /api/v1/auth/challenges), sign it with your AUTH key and send {challengeId, signature}.");
        }
        UUID challenge;
        byte[] cms;
        try {
            challenge = UUID.fromString(proof.challengeId().strip());
            cms = Base64.getMimeDecoder().decode(proof.signature().strip());
        } catch (IllegalArgumentException e) {
            throw new ProblemException("FRESH_PROOF_REQUIRED", HttpStatus.BAD_REQUEST, "challengeId is a UUID and signature base64 CMS.").situation("malformed");
        }
        Iin signer = signIn.proveWithSignature(challenge, cms);
        if (!signer.equals(person.iin())) {
            throw new ProblemException("PROOF_NOT_YOURS", HttpStatus.FORBIDDEN, "The challenge is signed with someone else's key; sign it with your own.");
        }
    }

    record Code(String code) {}
}
