package kz.tirkeu.application.web;

import kz.tirkeu.pki.InvalidInputException;
import io.swagger.v3.oas.annotations.Operation;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import kz.tirkeu.application.ActionLog;
import kz.tirkeu.application.ApplicationProcess;
import kz.tirkeu.application.ApplicationQueries;
import kz.tirkeu.application.ApplicationRecord;
import kz.tirkeu.application.ApplicationStatus;
import kz.tirkeu.application.HumanReview;
import kz.tirkeu.application.ProcessDefinition;
import kz.tirkeu.application.SellerSignature;
import kz.tirkeu.identity.Role;
import kz.tirkeu.identity.SignedInPerson;
import kz.tirkeu.identity.web.Allowed;
import kz.tirkeu.identity.web.PublicEndpoint;
import kz.tirkeu.pki.identity.Iin;
import kz.tirkeu.statesystems.Vin;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * REST API v1 for the seller's and the buyer's steps. Input is validated before anything is stored
 * (VIN shape, IIN check digit); every POST takes an Idempotency-Key (IdempotencyKeys). A seller sees only its
 * organisation's applications, a buyer only their own.
 */
@RestController
class ApplicationsApi {

    private final ApplicationViews views;
    private final StatementLanguages languages;
    private final ApplicationProcess process;
    private final SellerSignature sellerSignature;
    private final ApplicationQueries queries;
    private final ActionLog log;
    private final HumanReview review;

    private final kz.tirkeu.regime.RegimeGate regimes;

    ApplicationsApi(ApplicationProcess process, SellerSignature sellerSignature, ApplicationQueries queries, ActionLog log,
                    HumanReview review, kz.tirkeu.regime.RegimeGate regimes, ApplicationViews views, StatementLanguages languages) {
        this.views = views;
        this.languages = languages;
        this.review = review;
        this.regimes = regimes;
        this.process = process;
        this.sellerSignature = sellerSignature;
        this.queries = queries;
        this.log = log;
    }

    @GetMapping("/api/v1/process-definition")
    @PublicEndpoint // the algorithm is published as data (Digital Code Arts. 18(3), 19(6))
    Map<String, Object> processDefinition() {
        Map<String, Object> definition = new java.util.LinkedHashMap<>(ProcessDefinition.asData());
        // The experimental legal regimes the process runs under now (issue [6] point 4); their whole record is at /api/v1/regimes.
        definition.put("regimes", regimes.inForce());
        return definition;
    }

    /** S1, S2, S6: a seller starts an application; the checks S1, S3–S5, S7, S8 run at once. */
    @PostMapping("/api/v1/applications")
    @Operation(summary = "S1–S8: start an application (seller)", description = "Body {vin (17 characters), buyerIin (12 digits)}. The checks "
            + "S1, S3–S5, S7, S8 run at once; the answer (201, Location) has the status: AWAITING_SELLER_SIGNATURE, WAITING_FOR_STATE_SYSTEM "
            + "(a state system did not answer; asked again later), BUYER_IIN_CORRECTION (correct the IIN: PUT …/buyer-iin) or REFUSED with the refusal. "
            + "409 VIN_HAS_OPEN_APPLICATION, VIN_ALREADY_REGISTERED; 409 with the regime's code (REGIME_TERM_ENDED, "
            + "SELLER_NOT_ADMITTED, …) when the experimental regime does not allow it.")
    @ResponseStatus(HttpStatus.CREATED) // for the OpenAPI document, which otherwise says 200; the ResponseEntity sets the 201
    @Allowed(Role.SELLER)
    ResponseEntity<ApplicationView> start(SignedInPerson seller, @RequestBody NewApplication body) {
        if (body.vin() == null || body.buyerIin() == null) {
            throw new InvalidInputException("Send vin (17 characters) and buyerIin (12 digits).");
        }
        Vin vin = Vin.parse(body.vin());
        Iin buyer = Iin.of(body.buyerIin().strip());
        ApplicationRecord record = process.start(seller, vin, buyer, kz.tirkeu.regime.SpecialRules.Channel.INFORMATIZATION_OBJECT);
        return ResponseEntity.status(HttpStatus.CREATED).header("Location", "/api/v1/applications/" + record.number()).body(view(record));
    }

    /** After a refusal, a decline or an expiry: a new application for the same VIN and buyer, in one step. */
    @PostMapping("/api/v1/applications/{number}/restart")
    @ResponseStatus(HttpStatus.CREATED) // for the OpenAPI document, which otherwise says 200; the ResponseEntity sets the 201
    @Allowed(Role.SELLER)
    ResponseEntity<ApplicationView> startAgain(SignedInPerson seller, @PathVariable String number) {
        ApplicationRecord record = process.startAgain(seller, number, kz.tirkeu.regime.SpecialRules.Channel.INFORMATIZATION_OBJECT);
        return ResponseEntity.status(HttpStatus.CREATED).header("Location", "/api/v1/applications/" + record.number()).body(view(record));
    }

    @GetMapping("/api/v1/applications")
    @Operation(summary = "The applications the person sees (a seller: the organisation's; a buyer: their own), newest first",
            description = "Paged: page from 0, size 1 to 100 (default 20); optional status filter.")
    @Allowed({Role.SELLER, Role.BUYER})
    List<ApplicationView> list(SignedInPerson person, @RequestParam Optional<ApplicationStatus> status,
                               @RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "20") int size) {
        if (page < 0 || size < 1 || size > 100) {
            throw new InvalidInputException("page is 0 or more, size 1 to 100.");
        }
        List<ApplicationRecord> records = queries.visibleTo(person, status, size, kz.tirkeu.platform.web.Paging.offset(page, size));
        Map<java.util.UUID, List<kz.tirkeu.application.Action>> logs = log.of(records.stream().map(ApplicationRecord::id).toList());
        ApplicationView.Texts texts = views.texts();
        return records.stream().map(record -> ApplicationView.of(record, logs.getOrDefault(record.id(), List.of()), texts)).toList();
    }

    @GetMapping("/api/v1/applications/{number}")
    @Allowed({Role.SELLER, Role.BUYER})
    ApplicationView get(SignedInPerson person, @PathVariable String number) {
        return view(queries.visibleTo(person, number));
    }

    /** S7: the seller corrects the buyer's IIN when ГБД ФЛ had no such person. */
    @PutMapping("/api/v1/applications/{number}/buyer-iin")
    @Allowed(Role.SELLER)
    ApplicationView correctBuyer(SignedInPerson seller, @PathVariable String number, @RequestBody BuyerIin body) {
        if (body.buyerIin() == null) {
            throw new InvalidInputException("Send buyerIin (12 digits).");
        }
        return view(process.correctBuyer(seller, number, Iin.of(body.buyerIin().strip())));
    }

    /**
     * S9: the exact bytes the seller signs, base64, and the same as JSON for people to read, in the language asked for
     * ({@code language=kk|ru|en}; else Accept-Language or the person's chosen language; else kk), which the statement
     * names. Send the same language with the signature.
     */
    @GetMapping("/api/v1/applications/{number}/seller-statement")
    @Operation(summary = "S9: what the seller signs", description = "dataToSign is base64 of the exact bytes to sign (RFC 8785 canonical JSON); "
            + "statement is the same bytes as text, for people. Sign the decoded bytes with the dealer employee's SIGN key.")
    @Allowed(Role.SELLER)
    Statement sellerStatement(SignedInPerson seller, @PathVariable String number, @RequestParam(required = false) String language,
                              jakarta.servlet.http.HttpServletRequest request) {
        kz.tirkeu.notification.Language written = languages.forApi(language, request);
        return Statement.of(sellerSignature.statement(seller, number, written), written);
    }

    @PostMapping("/api/v1/applications/{number}/seller-signature")
    @Operation(summary = "S9: the seller's signature", description = "The CMS (CAdES, base64) made with the signer's SIGN key over the exact bytes of dataToSign "
            + "(base64-decoded), attached or detached; it must carry the intermediate CA's certificate (400 "
            + "CERTIFICATE_CHAIN_INCOMPLETE otherwise). Answers the application, AWAITING_BUYER_CONSENT. 400 "
            + "STATEMENT_MISMATCH when an attached CMS holds other bytes, 400 SIGNATURE_NOT_ACCEPTED, 503 "
            + "SIGNATURE_CHECK_UNAVAILABLE (the CA did not answer: sign again later).")
    @Allowed(Role.SELLER)
    ApplicationView sellerSign(SignedInPerson seller, @PathVariable String number, @RequestBody Signature body,
                               jakarta.servlet.http.HttpServletRequest request) {
        if (body.signature() == null || body.signature().isBlank()) {
            throw new InvalidInputException("Send signature: the base64 CMS made over the statement's dataToSign.");
        }
        byte[] cms = base64(body.signature());
        kz.tirkeu.notification.Language signed = languages.forApi(body.language(), request);
        return view(sellerSignature.sign(seller, number, cms, signed));
    }

    /** S10: the buyer agrees or declines. */
    @PostMapping("/api/v1/applications/{number}/consent")
    @Allowed(Role.BUYER)
    ApplicationView consent(SignedInPerson buyer, @PathVariable String number, @RequestBody Consent body) {
        if (body.agree() == null) {
            throw new InvalidInputException("Send agree: true to agree, false to decline.");
        }
        return view(process.consent(buyer, number, body.agree()));
    }

    /**
     * Digital Code Art. 39: the seller or the buyer asks a police officer to review the automated
     * refusal their application stands on, saying why. The answer is due by the deadline returned.
     */
    @PostMapping("/api/v1/applications/{number}/review-requests")
    @ResponseStatus(HttpStatus.CREATED)
    @Allowed({Role.SELLER, Role.BUYER})
    ApplicationView requestReview(SignedInPerson person, @PathVariable String number, @RequestBody ReviewRequest body) {
        review.request(person, number, body.comment());
        return view(queries.visibleTo(person, number));
    }

    private ApplicationView view(ApplicationRecord record) {
        return views.of(record, log.of(record.id()));
    }

    private static byte[] base64(String value) {
        try {
            return Base64.getMimeDecoder().decode(value.strip());
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException("The signature is not base64: send the CMS as NCALayer returned it.");
        }
    }

    record NewApplication(String vin, String buyerIin) {}

    record BuyerIin(String buyerIin) {}

    /**
     * @param dataToSign base64 of the exact bytes to sign (RFC 8785 canonical JSON)
     * @param statement  the same bytes as text, for people to read
     * @param language   the language the statement is written in (named inside the bytes too)
     */
    record Statement(String dataToSign, String statement, String language) {
        static Statement of(byte[] bytes, kz.tirkeu.notification.Language language) {
            return new Statement(Base64.getEncoder().encodeToString(bytes), new String(bytes, java.nio.charset.StandardCharsets.UTF_8), language.tag());
        }
    }

    /**
     * @param signature base64 CMS over dataToSign (attached or detached), carrying the signer's and the intermediate CA's certificates
     * @param language  the language of the statement that was signed (kk, ru, en); as the statement was fetched when left out
     */
    record Signature(String signature, @io.swagger.v3.oas.annotations.media.Schema(nullable = true) String language) {}

    record Consent(Boolean agree) {}

    record ReviewRequest(String comment) {}
}
