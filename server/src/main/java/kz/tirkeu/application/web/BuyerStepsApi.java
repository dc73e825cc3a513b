package kz.tirkeu.application.web;

import io.swagger.v3.oas.annotations.Operation;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import kz.tirkeu.application.ActionLog;
import kz.tirkeu.application.ApplicationRecord;
import kz.tirkeu.application.BuyerSteps;
import kz.tirkeu.identity.Role;
import kz.tirkeu.identity.SignedInPerson;
import kz.tirkeu.identity.web.Allowed;
import kz.tirkeu.identity.web.AnySignedIn;
import kz.tirkeu.identity.web.PublicEndpoint;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The buyer's steps S15–S18 over the API, and the payment gateway's callback. */
@RestController
class BuyerStepsApi {

    private final ApplicationViews views;
    private final StatementLanguages languages;
    private final BuyerSteps steps;
    private final ActionLog log;

    BuyerStepsApi(BuyerSteps steps, ActionLog log, ApplicationViews views, StatementLanguages languages) {
        this.views = views;
        this.languages = languages;
        this.steps = steps;
        this.log = log;
    }

    @GetMapping("/api/v1/plate-types")
    @AnySignedIn
    List<String> plateTypes() {
        return steps.plateTypes();
    }

    @PostMapping("/api/v1/applications/{number}/choices")
    @Allowed(Role.BUYER)
    ApplicationView choose(SignedInPerson buyer, @PathVariable String number, @RequestBody Choices body) {
        return view(steps.choose(buyer, number, body.pscCode(), body.plateType()));
    }

    /** S16 without МБГ: a code goes to the number; the same Idempotency-Key again sends no second code. */
    @PostMapping("/api/v1/applications/{number}/phone")
    @Allowed(Role.BUYER)
    ApplicationView enterPhone(SignedInPerson buyer, @PathVariable String number, @RequestBody Phone body, Locale locale) {
        if (body.phone() == null) {
            throw new IllegalArgumentException("Send phone, e.g. +77011234567.");
        }
        return view(steps.enterPhone(buyer, number, body.phone(), locale));
    }

    @PostMapping("/api/v1/applications/{number}/phone/confirmation")
    @Allowed(Role.BUYER)
    ApplicationView confirmPhone(SignedInPerson buyer, @PathVariable String number, @RequestBody Code body) {
        return view(steps.confirmPhone(buyer, number, body.code()));
    }

    /** S17: the invoice; open paymentPageUrl to pay. Asking again returns the open invoice. */
    @PostMapping("/api/v1/applications/{number}/invoice")
    @Operation(summary = "S17: the invoice of the duties and fees", description = "Pay on paymentPageUrl (the e-gov payment gateway); "
            + "the gateway's callback moves the application to AWAITING_BUYER_SIGNATURE. Asking again returns the open invoice.")
    @Allowed(Role.BUYER)
    BuyerSteps.Invoice invoice(SignedInPerson buyer, @PathVariable String number) {
        return steps.invoice(buyer, number);
    }

    @GetMapping("/api/v1/applications/{number}/buyer-statement")
    @Operation(summary = "S18: what the buyer signs, after paying", description = "dataToSign is base64 of the exact bytes to sign (RFC 8785 "
            + "canonical JSON); statement is the same bytes as text, for people. Sign the decoded bytes with the buyer's SIGN key.")
    @Allowed(Role.BUYER)
    ApplicationsApi.Statement buyerStatement(SignedInPerson buyer, @PathVariable String number, @RequestParam(required = false) String language,
                                             jakarta.servlet.http.HttpServletRequest request) {
        kz.tirkeu.notification.Language written = languages.forApi(language, request);
        return ApplicationsApi.Statement.of(steps.buyerStatement(buyer, number, written), written);
    }

    @PostMapping("/api/v1/applications/{number}/buyer-signature")
    @Operation(summary = "S18: the buyer's signature", description = "The CMS (CAdES, base64) made with the signer's SIGN key over the exact bytes of dataToSign "
            + "(base64-decoded), attached or detached; it must carry the intermediate CA's certificate (400 "
            + "CERTIFICATE_CHAIN_INCOMPLETE otherwise). Answers the application, SUBMITTED: the registration decision "
            + "(S19) follows, REGISTERED or REFUSED. 400 STATEMENT_MISMATCH, 400 SIGNATURE_NOT_ACCEPTED, 503 "
            + "SIGNATURE_CHECK_UNAVAILABLE.")
    @Allowed(Role.BUYER)
    ApplicationView buyerSign(SignedInPerson buyer, @PathVariable String number, @RequestBody ApplicationsApi.Signature body,
                              jakarta.servlet.http.HttpServletRequest request) {
        if (body.signature() == null || body.signature().isBlank()) {
            throw new IllegalArgumentException("Send signature: the base64 CMS made over the statement's dataToSign.");
        }
        byte[] cms;
        try {
            cms = Base64.getMimeDecoder().decode(body.signature().strip());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("The signature is not base64: send the CMS as NCALayer returned it.");
        }
        kz.tirkeu.notification.Language signed = languages.forApi(body.language(), request);
        return view(steps.buyerSign(buyer, number, cms, signed));
    }

    /** Called by the payment gateway, not by a person: authenticated by the callback's HMAC signature. */
    @PostMapping("/api/v1/payments/callbacks")
    @Operation(summary = "The payment gateway's callback (a machine, not a partner)", description = "Signed with X-Payment-Signature: "
            + "sha256=<hex HMAC-SHA256 of the body>; counted once per invoice, and only when the gateway, asked again, confirms it. "
            + "Takes no Idempotency-Key: the invoice is its deduplication.")
    @PublicEndpoint
    CallbackAnswer paymentCallback(@RequestBody byte[] body, @RequestHeader(value = "X-Payment-Signature", required = false) String signature) {
        return new CallbackAnswer(steps.paymentCallback(body, signature).name());
    }

    private ApplicationView view(ApplicationRecord record) {
        return views.of(record, log.of(record.id()));
    }

    record CallbackAnswer(String outcome) {}

    record Choices(String pscCode, String plateType) {}

    record Phone(String phone) {}

    record Code(String code) {}
}
