package kz.tirkeu.application.web;

import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import kz.tirkeu.application.ActionLog;
import kz.tirkeu.application.ApplicationRecord;
import kz.tirkeu.application.BuyerSteps;
import kz.tirkeu.identity.Role;
import kz.tirkeu.identity.SignedInPerson;
import kz.tirkeu.identity.web.Allowed;
import kz.tirkeu.identity.web.AnySignedIn;
import kz.tirkeu.identity.web.PublicEndpoint;
import kz.tirkeu.platform.web.IdempotentRequests;
import org.springframework.http.ResponseEntity;
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
    private final IdempotentRequests idempotent;

    BuyerStepsApi(BuyerSteps steps, ActionLog log, IdempotentRequests idempotent, ApplicationViews views, StatementLanguages languages) {
        this.views = views;
        this.languages = languages;
        this.steps = steps;
        this.log = log;
        this.idempotent = idempotent;
    }

    @GetMapping("/api/v1/plate-types")
    @AnySignedIn
    List<String> plateTypes() {
        return steps.plateTypes();
    }

    @PostMapping("/api/v1/applications/{number}/choices")
    @Allowed(Role.BUYER)
    ResponseEntity<?> choose(SignedInPerson buyer, @PathVariable String number, @RequestHeader(value = "Idempotency-Key", required = false) String key,
                             @RequestBody Choices body) {
        return idempotent.once(buyer.iin().value(), key, Map.of("number", number, "choices", body),
                () -> ResponseEntity.ok(view(steps.choose(buyer, number, body.pscCode(), body.plateType()))));
    }

    /** S16 without МБГ: a code goes to the number; the same Idempotency-Key again sends no second code. */
    @PostMapping("/api/v1/applications/{number}/phone")
    @Allowed(Role.BUYER)
    ResponseEntity<?> enterPhone(SignedInPerson buyer, @PathVariable String number, @RequestHeader(value = "Idempotency-Key", required = false) String key,
                                 @RequestBody Phone body, Locale locale) {
        if (body.phone() == null) {
            throw new IllegalArgumentException("Send phone, e.g. +77011234567.");
        }
        return idempotent.once(buyer.iin().value(), key, Map.of("number", number, "phone", body.phone()),
                () -> ResponseEntity.ok(view(steps.enterPhone(buyer, number, body.phone(), locale))));
    }

    @PostMapping("/api/v1/applications/{number}/phone/confirmation")
    @Allowed(Role.BUYER)
    ResponseEntity<?> confirmPhone(SignedInPerson buyer, @PathVariable String number, @RequestHeader(value = "Idempotency-Key", required = false) String key,
                                   @RequestBody Code body) {
        return idempotent.once(buyer.iin().value(), key, Map.of("number", number, "code", String.valueOf(body.code())),
                () -> ResponseEntity.ok(view(steps.confirmPhone(buyer, number, body.code()))));
    }

    /** S17: the invoice; open paymentPageUrl to pay. Asking again returns the open invoice. */
    @PostMapping("/api/v1/applications/{number}/invoice")
    @Allowed(Role.BUYER)
    ResponseEntity<?> invoice(SignedInPerson buyer, @PathVariable String number, @RequestHeader(value = "Idempotency-Key", required = false) String key) {
        return idempotent.once(buyer.iin().value(), key, Map.of("number", number, "invoice", true), () -> ResponseEntity.ok(steps.invoice(buyer, number)));
    }

    @GetMapping("/api/v1/applications/{number}/buyer-statement")
    @Allowed(Role.BUYER)
    ApplicationsApi.Statement buyerStatement(SignedInPerson buyer, @PathVariable String number, @RequestParam(required = false) String language,
                                             jakarta.servlet.http.HttpServletRequest request) {
        kz.tirkeu.notification.Language written = languages.forApi(language, request);
        return ApplicationsApi.Statement.of(steps.buyerStatement(buyer, number, written), written);
    }

    @PostMapping("/api/v1/applications/{number}/buyer-signature")
    @Allowed(Role.BUYER)
    ResponseEntity<?> buyerSign(SignedInPerson buyer, @PathVariable String number, @RequestHeader(value = "Idempotency-Key", required = false) String key,
                                @RequestBody ApplicationsApi.Signature body, jakarta.servlet.http.HttpServletRequest request) {
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
        return idempotent.once(buyer.iin().value(), key, Map.of("number", number, "signature", body.signature(), "language", signed.tag()),
                () -> ResponseEntity.ok(view(steps.buyerSign(buyer, number, cms, signed))));
    }

    /** Called by the payment gateway, not by a person: authenticated by the callback's HMAC signature. */
    @PostMapping("/api/v1/payments/callbacks")
    @PublicEndpoint
    Map<String, String> paymentCallback(@RequestBody byte[] body, @RequestHeader(value = "X-Payment-Signature", required = false) String signature) {
        return Map.of("outcome", steps.paymentCallback(body, signature).name());
    }

    private ApplicationView view(ApplicationRecord record) {
        return views.of(record, log.of(record.id()));
    }

    record Choices(String pscCode, String plateType) {}

    record Phone(String phone) {}

    record Code(String code) {}
}
