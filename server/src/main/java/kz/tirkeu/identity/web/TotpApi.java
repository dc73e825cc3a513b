package kz.tirkeu.identity.web;

import kz.tirkeu.identity.Role;
import kz.tirkeu.identity.SignedInPerson;
import kz.tirkeu.identity.totp.TotpEnrolments;
import kz.tirkeu.platform.web.ProblemException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** Staff enrol an authenticator app, which then replaces the SMS code at their sign-in. */
@RestController
@Allowed({Role.PSC_OPERATOR, Role.POLICE_OFFICER, Role.AUDITOR, Role.REGIME_AUTHORITY, Role.ADMIN})
class TotpApi {

    private final TotpEnrolments enrolments;

    TotpApi(TotpEnrolments enrolments) {
        this.enrolments = enrolments;
    }

    @PostMapping("/api/v1/me/totp")
    TotpEnrolments.PendingEnrolment start(SignedInPerson person) {
        return enrolments.start(person.iin(), person.name());
    }

    @PostMapping("/api/v1/me/totp/confirmation")
    ResponseEntity<Void> confirm(SignedInPerson person, @RequestBody Code body) {
        if (body.code() == null || !enrolments.confirm(person.iin(), body.code().strip())) {
            throw new ProblemException("CODE_WRONG", HttpStatus.BAD_REQUEST,
                    "The code does not match. Check the app's clock and enter the code it shows now.");
        }
        return ResponseEntity.noContent().build();
    }

    record Code(String code) {}
}
