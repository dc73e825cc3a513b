package kz.tirkeu.notification;

import kz.tirkeu.pki.InvalidInputException;
import kz.tirkeu.identity.web.PublicEndpoint;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

import jakarta.servlet.http.HttpServletRequest;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Where the SMS centre reports what became of each SMS. It is called by the SMS centre, not by a person,
 * so it sits outside any user session: its caller is authenticated by the HMAC signature of the body
 * alone (and it must stay reachable without a session and without a CSRF token).
 */
@RestController
@PublicEndpoint // called by the SMS centre, not by a person: authenticated by the receipt's HMAC signature instead
class SmsReceiptController {

    static final String PATH = "/api/v1/notifications/sms-receipts";
    private static final int MAX_BODY = 16 * 1024;
    private static final Logger log = LoggerFactory.getLogger(SmsReceiptController.class);

    private final SmsReceipts receipts;
    private final SmsReceiptSignature signature;
    private final JsonMapper json;

    SmsReceiptController(SmsReceipts receipts, NotificationProperties properties, JsonMapper json) {
        this.receipts = receipts;
        this.signature = new SmsReceiptSignature(properties.sms().receiptSecret());
        this.json = json;
    }

    @PostMapping(PATH)
    // The answer stays untyped in Java (its refusals are problems with headers of their own); the document says what it is.
    @io.swagger.v3.oas.annotations.Operation(summary = "The SMS centre's delivery receipt (a machine, not a partner)",
            description = "Signed with X-Sms-Signature: sha256=<hex HMAC-SHA256 of the body>; body {messageId, reference, status: "
                    + "DELIVERED|FAILED, at, error?}. Applied once per delivery (changed: false for a repeat), so it takes no Idempotency-Key.",
            responses = @io.swagger.v3.oas.annotations.responses.ApiResponse(responseCode = "200", description = "The receipt was applied",
                    content = @io.swagger.v3.oas.annotations.media.Content(mediaType = MediaType.APPLICATION_JSON_VALUE,
                            schema = @io.swagger.v3.oas.annotations.media.Schema(implementation = ReceiptApplied.class))))
    ResponseEntity<?> receive(HttpServletRequest request,
                              @RequestHeader(name = SmsReceiptSignature.HEADER, required = false) String signed) throws IOException {
        byte[] body;
        try (InputStream in = request.getInputStream()) {
            body = in.readNBytes(MAX_BODY + 1);
        }
        if (body.length > MAX_BODY) {
            return problem(HttpStatus.CONTENT_TOO_LARGE, "RECEIPT_TOO_LARGE", "Receipt too large", "A receipt is at most " + MAX_BODY + " bytes.");
        }
        if (!signature.verifies(body, signed)) {
            log.warn("Rejected an SMS receipt with a missing or wrong {} header", SmsReceiptSignature.HEADER);
            return ResponseEntity.status(HttpStatus.UNAUTHORIZED)
                    .header(HttpHeaders.WWW_AUTHENTICATE, "HMAC-SHA256 header=\"" + SmsReceiptSignature.HEADER + "\"")
                    .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                    .body(detail(HttpStatus.UNAUTHORIZED, "RECEIPT_SIGNATURE_WRONG", "Bad signature",
                            "The " + SmsReceiptSignature.HEADER + " header must be sha256=<hex HMAC-SHA256 of the body> with the shared secret."));
        }
        SmsReceipts.Receipt receipt;
        try {
            receipt = parse(body);
        } catch (IllegalArgumentException | JacksonException e) {
            return problem(HttpStatus.BAD_REQUEST, "NOT_A_RECEIPT", "Not a receipt",
                    "Expected {\"messageId\", \"reference\", \"status\": \"DELIVERED\"|\"FAILED\", \"at\", \"error\"?}: " + e.getMessage());
        }
        SmsReceipts.Outcome outcome = receipts.apply(receipt);
        if (outcome instanceof SmsReceipts.Outcome.UnknownDelivery) {
            return problem(HttpStatus.NOT_FOUND, "RECEIPT_REFERENCE_UNKNOWN", "Unknown reference", "No SMS delivery " + receipt.reference() + " here.");
        }
        return ResponseEntity.ok(new ReceiptApplied(receipt.reference().toString(), outcome.status().name(), outcome instanceof SmsReceipts.Outcome.Applied));
    }

    record ReceiptApplied(String reference, String status, boolean changed) {}

    private SmsReceipts.Receipt parse(byte[] body) {
        JsonNode node = json.readTree(body);
        if (node == null || !node.isObject()) {
            throw new InvalidInputException("the body is not a JSON object");
        }
        String reference = text(node, "reference").orElseThrow(() -> new IllegalArgumentException("no reference"));
        String status = text(node, "status").orElseThrow(() -> new IllegalArgumentException("no status"));
        Optional<Instant> at;
        try {
            at = text(node, "at").map(Instant::parse);
        } catch (DateTimeParseException e) {
            throw new InvalidInputException("'at' is not an ISO-8601 instant");
        }
        return new SmsReceipts.Receipt(text(node, "messageId").orElse(null), UUID.fromString(reference),
                SmsReceipts.ReportedStatus.valueOf(status.toUpperCase(Locale.ROOT)), at, text(node, "error").orElse(null));
    }

    private static Optional<String> text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? Optional.empty() : Optional.of(value.asString());
    }

    private static ResponseEntity<ProblemDetail> problem(HttpStatus status, String code, String title, String detail) {
        return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(detail(status, code, title, detail));
    }

    /** Like every API error, with the stable {@code code} the SMS centre's software can branch on. */
    private static ProblemDetail detail(HttpStatus status, String code, String title, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setTitle(title);
        problem.setInstance(URI.create(PATH));
        problem.setProperty("code", code);
        return problem;
    }
}
