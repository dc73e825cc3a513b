package kz.tirkeu.sandbox.sms;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.io.IOException;
import java.net.URI;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import kz.tirkeu.sandbox.SandboxAddress;
import kz.tirkeu.sandbox.mobile.MobileNumber;
import kz.tirkeu.sandbox.persona.Persona;
import kz.tirkeu.sandbox.web.BadRequestException;
import kz.tirkeu.sandbox.web.JsonBody;
import kz.tirkeu.sandbox.web.NotFoundException;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.servlet.function.RouterFunction;
import org.springframework.web.servlet.function.RouterFunctions;
import org.springframework.web.servlet.function.ServerRequest;
import org.springframework.web.servlet.function.ServerResponse;

/**
 * The SMS centre over HTTP:
 * <pre>
 *   POST /sandbox/sms/v1/messages        {"to", "text", "reference"?, "callbackUrl"?} → 202 {"messageId", "status": "ACCEPTED"}
 *   GET  /sandbox/sms/v1/messages?to=…   the messages sent to a number (or all), newest first: how testers read codes
 *   GET  /sandbox/sms/v1/messages/{id}   one message
 *   GET  /sandbox/sms                    the same as a page
 * </pre>
 * The delivery receipt is POSTed to callbackUrl 100-500 ms later, signed (see {@link ReceiptSignature}).
 */
public final class SmsRoutes {

    static final int MAX_BODY_BYTES = 16 * 1024;
    /** Ten concatenated SMS parts: more than any one-time code or notice needs. */
    static final int MAX_TEXT_LENGTH = 1600;
    private static final String EXAMPLE = "{\"to\": \"+77011234567\", \"text\": \"Tirkeu code: 123456\", \"reference\": \"your id\", "
            + "\"callbackUrl\": \"http://…/receipts\"}";

    record Accepted(String messageId, String status) {}

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record MessageView(String id, String to, String text, String reference, Instant sentAt, String status, Instant statusAt,
                       String error, ReceiptView receipt) {
        static MessageView of(SmsMessage message) {
            return new MessageView(message.id(), message.to().e164(), message.text(), message.reference().orElse(null), message.sentAt(),
                    message.status().name(), message.statusAt(), message.error().orElse(null),
                    message.callbackUrl().map(url -> new ReceiptView(url.toString(), message.receipt().state().name(),
                            message.receipt().attempts(), message.receipt().lastError().orElse(null))).orElse(null));
        }
    }

    /** How posting the delivery receipt went: PENDING, POSTED or GAVE_UP after {@code attempts}. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record ReceiptView(String callbackUrl, String state, int attempts, String lastError) {}

    private final SmsCentre centre;
    private final SmsPage page;

    public SmsRoutes(SmsCentre centre, Map<MobileNumber, Persona> holders, SandboxAddress address) {
        this.centre = centre;
        this.page = new SmsPage(centre, holders, address);
    }

    public RouterFunction<ServerResponse> routes() {
        return RouterFunctions.route()
                .POST("/sandbox/sms/v1/messages", this::send)
                .GET("/sandbox/sms/v1/messages", request -> json(centre.sent(numberFilter(request)).stream().map(MessageView::of).toList()))
                .GET("/sandbox/sms/v1/messages/{id}", request -> json(MessageView.of(centre.find(request.pathVariable("id"))
                        .orElseThrow(() -> new NotFoundException("The SMS centre has no message '" + request.pathVariable("id")
                                + "' (it keeps the latest ones only); GET /sandbox/sms/v1/messages lists them.")))))
                .GET("/sandbox/sms", request -> page.render(request, numberFilter(request)))
                .build();
    }

    private ServerResponse send(ServerRequest request) throws IOException {
        JsonBody body = JsonBody.of(request, MAX_BODY_BYTES, EXAMPLE);
        String to = body.requiredString("to");
        MobileNumber number = MobileNumber.parse(to).filter(parsed -> parsed.e164().equals(to.strip()))
                .orElseThrow(() -> new BadRequestException("\"to\" must be a Kazakh mobile number in E.164 form, +7 and ten digits "
                        + "starting with 7 (+77011234567); '" + to + "' is not."));
        String text = body.requiredString("text");
        if (text.length() > MAX_TEXT_LENGTH) {
            throw new BadRequestException("\"text\" has " + text.length() + " characters; the SMS centre takes up to " + MAX_TEXT_LENGTH + ".");
        }
        Optional<URI> callback = body.optionalString("callbackUrl").isPresent() ? Optional.of(body.requiredHttpUrl("callbackUrl")) : Optional.empty();
        SmsMessage message = centre.accept(number, text, body.optionalString("reference"), callback);
        return ServerResponse.status(HttpStatus.ACCEPTED)
                .location(URI.create(request.requestPath().contextPath().value() + "/sandbox/sms/v1/messages/" + message.id()))
                .contentType(MediaType.APPLICATION_JSON)
                .body(new Accepted(message.id(), message.status().name()));
    }

    /** {@code ?to=}: a number as people type it; a '+' the query string turned into a space is fine. */
    static Optional<MobileNumber> numberFilter(ServerRequest request) {
        Optional<String> to = request.param("to").filter(value -> !value.isBlank());
        if (to.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(MobileNumber.parse(to.get()).orElseThrow(() -> new BadRequestException("'" + to.get()
                + "' is not a Kazakh mobile number; ask with ?to=%2B77011234567 (or 87011234567).")));
    }

    private static ServerResponse json(Object body) {
        return ServerResponse.ok().contentType(MediaType.APPLICATION_JSON).body(body);
    }
}
