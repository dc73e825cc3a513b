package kz.tirkeu.regime.web;

import java.util.Base64;
import kz.tirkeu.identity.Role;
import kz.tirkeu.identity.SignedInPerson;
import kz.tirkeu.identity.web.Allowed;
import kz.tirkeu.regime.Decision;
import kz.tirkeu.regime.DecisionContent;
import kz.tirkeu.regime.InvalidRegime;
import kz.tirkeu.regime.RegimeDecisions;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * The authorised body's officials record a regime's decisions (issue [6] point 2) in two calls, as every signature in
 * Tirkeu is made: prepare (the platform checks the decision may be taken and returns the canonical JSON to sign), then
 * send it back with the CMS made by NCALayer with the official's SIGN key. A new regime starts with a PROPOSED decision
 * under a code not yet used.
 */
@RestController
class RegimeDecisionsApi {

    private final RegimeDecisions decisions;

    RegimeDecisionsApi(RegimeDecisions decisions) {
        this.decisions = decisions;
    }

    @PostMapping("/api/v1/regimes/{code}/decisions/to-sign")
    @Allowed(Role.REGIME_AUTHORITY)
    RegimeDecisions.ToSign prepare(SignedInPerson official, @PathVariable String code, @RequestBody RegimeDecisions.Draft draft) {
        return decisions.prepare(code, draft, official);
    }

    @PostMapping("/api/v1/regimes/{code}/decisions")
    @ResponseStatus(HttpStatus.CREATED)
    @Allowed(Role.REGIME_AUTHORITY)
    RegimeView.DecisionView record(SignedInPerson official, @PathVariable String code, @RequestBody SignedDecision body) {
        if (body.decision() == null || body.signature() == null || body.signature().isBlank()) {
            throw new InvalidRegime("DECISION_MALFORMED", "Send decision (as prepared by …/decisions/to-sign) and signature (base64 CMS over its dataToSign).").situation("fields");
        }
        if (!code.equals(body.decision().regime())) {
            throw new InvalidRegime("DECISION_MALFORMED", "The decision is for regime " + body.decision().regime() + ", not " + code + ".", String.valueOf(body.decision().regime()), String.valueOf(code)).situation("otherRegime");
        }
        byte[] cms;
        try {
            cms = Base64.getDecoder().decode(body.signature().strip());
        } catch (IllegalArgumentException e) {
            throw new InvalidRegime("DECISION_SIGNATURE_INVALID", "The signature is not base64.");
        }
        Decision recorded = decisions.record(body.decision(), cms, official);
        return RegimeView.decision(recorded);
    }

    record SignedDecision(DecisionContent decision, String signature) {}
}
