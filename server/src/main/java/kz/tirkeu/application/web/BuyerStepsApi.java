package kz.tirkeu.application.web;

import kz.tirkeu.pki.InvalidInputException;
import io.swagger.v3.oas.annotations.Operation;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import kz.tirkeu.application.ActionLog;
import kz.tirkeu.application.ApplicationRecord;
import kz.tirkeu.application.BuyerPhone;
import kz.tirkeu.application.BuyerSignature;
import kz.tirkeu.application.CollectionChoices;
import kz.tirkeu.application.FeePayment;
import kz.tirkeu.identity.Role;
import kz.tirkeu.identity.SignedInPerson;
import kz.tirkeu.identity.web.Allowed;
import kz.tirkeu.identity.web.AnySignedIn;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The buyer's steps S15–S18 over the API (the payment gateway's callback is the payment area's). */
@RestController
class BuyerStepsApi {

    private final ApplicationViews views;
    private final StatementLanguages languages;
    private final CollectionChoices choices;
    private final BuyerPhone buyerPhone;
    private final FeePayment fees;
    private final BuyerSignature buyerSignature;
    private final ActionLog log;

    BuyerStepsApi(CollectionChoices choices, BuyerPhone buyerPhone, FeePayment fees, BuyerSignature buyerSignature, ActionLog log, ApplicationViews views, StatementLanguages languages) {
        this.views = views;
        this.languages = languages;
        this.choices = choices;
        this.buyerPhone = buyerPhone;
        this.fees = fees;
        this.buyerSignature = buyerSignature;
        this.log = log;
    }

    @GetMapping("/api/v1/plate-types")
    @AnySignedIn
    List<String> plateTypes() {
        return choices.plateTypes();
    }

    @PostMapping("/api/v1/applications/{number}/choices")
    @Allowed(Role.BUYER)
    ApplicationView choose(SignedInPerson buyer, @PathVariable String number, @RequestBody Choices body) {
        return view(choices.choose(buyer, number, body.pscCode(), body.plateType()));
    }

    /** S16 without МБГ: a code goes to the number; the same Idempotency-Key again sends no second code. */
    @PostMapping("/api/v1/applications/{number}/phone")
    @Allowed(Role.BUYER)
    ApplicationView enterPhone(SignedInPerson buyer, @PathVariable String number, @RequestBody Phone body, Locale locale) {
        if (body.phone() == null) {
            throw new InvalidInputException("Send phone, e.g. +77011234567.");
        }
        return view(buyerPhone.enterPhone(buyer, number, body.phone(), locale));
    }

    @PostMapping("/api/v1/applications/{number}/phone/confirmation")
    @Allowed(Role.BUYER)
    ApplicationView confirmPhone(SignedInPerson buyer, @PathVariable String number, @RequestBody Code body) {
        return view(buyerPhone.confirmPhone(buyer, number, body.code()));
    }

    /** S17: the invoice; open paymentPageUrl to pay. Asking again returns the open invoice. */
    @PostMapping("/api/v1/applications/{number}/invoice")
    @Operation(summary = "S17: the invoice of the duties and fees", description = "Pay on paymentPageUrl (the e-gov payment gateway); "
            + "the gateway's callback moves the application to AWAITING_BUYER_SIGNATURE. Asking again returns the open invoice.")
    @Allowed(Role.BUYER)
    kz.tirkeu.payment.Invoice invoice(SignedInPerson buyer, @PathVariable String number) {
        return fees.invoice(buyer, number);
    }

    @GetMapping("/api/v1/applications/{number}/buyer-statement")
    @Operation(summary = "S18: what the buyer signs, after paying", description = "dataToSign is base64 of the exact bytes to sign (RFC 8785 "
            + "canonical JSON); statement is the same bytes as text, for people. Sign the decoded bytes with the buyer's SIGN key.")
    @Allowed(Role.BUYER)
    ApplicationsApi.Statement buyerStatement(SignedInPerson buyer, @PathVariable String number, @RequestParam(required = false) String language,
                                             jakarta.servlet.http.HttpServletRequest request) {
        kz.tirkeu.notification.Language written = languages.forApi(language, request);
        return ApplicationsApi.Statement.of(buyerSignature.buyerStatement(buyer, number, written), written);
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
            throw new InvalidInputException("Send signature: the base64 CMS made over the statement's dataToSign.");
        }
        byte[] cms;
        try {
            cms = Base64.getMimeDecoder().decode(body.signature().strip());
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException("The signature is not base64: send the CMS as NCALayer returned it.");
        }
        kz.tirkeu.notification.Language signed = languages.forApi(body.language(), request);
        return view(buyerSignature.buyerSign(buyer, number, cms, signed));
    }

    private ApplicationView view(ApplicationRecord record) {
        return views.of(record, log.of(record.id()));
    }

    record Choices(String pscCode, String plateType) {}

    record Phone(String phone) {}

    record Code(String code) {}
}
