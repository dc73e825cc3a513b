package kz.tirkeu.sandbox.payment;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.io.IOException;
import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import kz.tirkeu.pki.identity.Iin;
import kz.tirkeu.pki.identity.InvalidIdentifierException;
import kz.tirkeu.sandbox.SandboxAddress;
import kz.tirkeu.sandbox.payment.Invoice.Item;
import kz.tirkeu.sandbox.payment.Invoice.Status;
import kz.tirkeu.sandbox.payment.PaymentGateway.Action;
import kz.tirkeu.sandbox.payment.PaymentGateway.Outcome;
import kz.tirkeu.sandbox.web.BadRequestException;
import kz.tirkeu.sandbox.web.JsonBody;
import kz.tirkeu.sandbox.web.NotFoundException;
import kz.tirkeu.sandbox.web.Problems;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.servlet.function.RouterFunction;
import org.springframework.web.servlet.function.RouterFunctions;
import org.springframework.web.servlet.function.ServerRequest;
import org.springframework.web.servlet.function.ServerResponse;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The payment gateway over HTTP:
 * <pre>
 *   POST /sandbox/payments/v1/invoices                      {"reference", "payerIin", "items": [{"code", "description", "amountKzt"}],
 *                                                            "callbackUrl", "returnUrl"} → 201 the invoice (200: the pending one of that reference)
 *   GET  /sandbox/payments/v1/invoices/{id}                 the invoice: status PENDING, PAID, DECLINED or EXPIRED
 *   POST /sandbox/payments/v1/invoices/{id}/payment         {"action": "pay" | "decline"} → the invoice; 409 when it is no longer pending
 *   POST /sandbox/payments/v1/invoices/{id}/callback-replay the last confirmation again, byte for byte → the invoice; 409 before there is one
 *   POST /sandbox/payments/v1/invoices/{id}/refund         a sandbox control: a PAID invoice becomes REFUNDED → the invoice; 409 when it was not paid
 *   GET  /sandbox/payments/pay/{id}                         the payer's page
 *   POST /sandbox/payments/pay/{id}                         its form, action=pay|decline → 303 to returnUrl?invoiceId=…&status=…
 * </pre>
 * The confirmation is POSTed to callbackUrl signed with {@code X-Payment-Signature}.
 */
public final class PaymentRoutes {

    static final int MAX_BODY_BYTES = 16 * 1024;
    static final int MAX_ITEMS = 50;
    static final int MAX_TEXT = 200;
    private static final String EXAMPLE = "{\"reference\": \"A-2026-000042\", \"payerIin\": \"660427402182\", \"items\": [{\"code\": "
            + "\"REGISTRATION_FEE\", \"description\": \"Primary registration\", \"amountKzt\": 1081}], \"callbackUrl\": \"http://…/payments/callback\", "
            + "\"returnUrl\": \"http://…/applications/A-2026-000042\"}";
    private static final String ACTION_EXAMPLE = "{\"action\": \"pay\"} or {\"action\": \"decline\"}";

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record InvoiceView(String invoiceId, String reference, String status, long amountKzt, String payerIin, List<ItemView> items,
                       String paymentPageUrl, Instant createdAt, Instant expiresAt, String paymentId, Instant paidAt, CallbackView callback) {
        static InvoiceView of(Invoice invoice, SandboxAddress address) {
            return new InvoiceView(invoice.id(), invoice.reference(), invoice.status().name(), invoice.amountKzt(), invoice.payer().value(),
                    invoice.items().stream().map(item -> new ItemView(item.code(), item.description(), item.amountKzt())).toList(),
                    pageUrl(address, invoice).toString(), invoice.createdAt(), invoice.expiresAt(), invoice.paymentId().orElse(null),
                    invoice.decidedAt().orElse(null), invoice.lastCallback().map(callback -> new CallbackView(callback.url().toString(),
                            invoice.callbackDelivery().map(delivery -> delivery.state().name()).orElse("PENDING"),
                            invoice.callbackDelivery().map(delivery -> delivery.attempts()).orElse(0),
                            invoice.callbackDelivery().flatMap(delivery -> delivery.lastError()).orElse(null), invoice.callbacksAccepted()))
                            .orElse(null));
        }
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record ItemView(String code, String description, long amountKzt) {}

    /**
     * How posting the confirmation went: PENDING, POSTED or GAVE_UP after {@code attempts}; {@code accepted}: how many
     * confirmations, replays included, the platform has accepted.
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record CallbackView(String callbackUrl, String state, int attempts, String lastError, int accepted) {}

    private final PaymentGateway gateway;
    private final SandboxAddress address;
    private final PaymentPage page;

    public PaymentRoutes(PaymentGateway gateway, SandboxAddress address) {
        this.gateway = gateway;
        this.address = address;
        this.page = new PaymentPage(address);
    }

    public RouterFunction<ServerResponse> routes() {
        return RouterFunctions.route()
                .POST("/sandbox/payments/v1/invoices", this::raise)
                .GET("/sandbox/payments/v1/invoices/{id}", request -> json(HttpStatus.OK, invoice(request)))
                .POST("/sandbox/payments/v1/invoices/{id}/payment", this::act)
                .POST("/sandbox/payments/v1/invoices/{id}/callback-replay", this::replay)
                .POST("/sandbox/payments/v1/invoices/{id}/refund", this::refund)
                .GET("/sandbox/payments/pay/{id}", request -> page.render(invoice(request), false))
                .POST("/sandbox/payments/pay/{id}", this::actOnPage)
                .build();
    }

    private ServerResponse raise(ServerRequest request) throws IOException {
        JsonBody body = JsonBody.of(request, MAX_BODY_BYTES, EXAMPLE);
        String reference = text(body, "reference");
        Iin payer = iin(body.requiredString("payerIin"));
        List<JsonBody> lines = body.requiredObjects("items");
        if (lines.size() > MAX_ITEMS) {
            throw new BadRequestException("An invoice takes up to " + MAX_ITEMS + " items; this one has " + lines.size() + ".");
        }
        List<Item> items = new ArrayList<>();
        for (JsonBody line : lines) {
            String code = text(line, "code");
            long amount = line.requiredLong("amountKzt");
            if (amount <= 0) {
                throw new BadRequestException("\"amountKzt\" of item " + code + " is " + amount + "; every item costs a positive whole number of tenge.");
            }
            items.add(new Item(code, line.optionalString("description").orElse(""), amount));
        }
        URI callbackUrl = body.requiredHttpUrl("callbackUrl");
        URI returnUrl = body.requiredHttpUrl("returnUrl");
        PaymentGateway.Raised raised;
        try {
            raised = gateway.raise(reference, payer, items, callbackUrl, returnUrl);
        } catch (ArithmeticException e) {
            throw new BadRequestException("The items add up to more tenge than the gateway can count.");
        }
        ServerResponse.BodyBuilder response = raised.created() ? ServerResponse.status(HttpStatus.CREATED) : ServerResponse.ok();
        return response.location(URI.create(request.requestPath().contextPath().value() + "/sandbox/payments/v1/invoices/" + raised.invoice().id()))
                .contentType(MediaType.APPLICATION_JSON)
                .body(InvoiceView.of(raised.invoice(), address));
    }

    private ServerResponse act(ServerRequest request) throws IOException {
        String id = request.pathVariable("id");
        invoice(request);
        Action action = action(JsonBody.of(request, MAX_BODY_BYTES, ACTION_EXAMPLE).requiredString("action"));
        Outcome outcome = gateway.act(id, action).orElseThrow(() -> unknown(id));
        if (outcome instanceof Outcome.NotPending(Invoice invoice)) {
            return Problems.problem(HttpStatus.CONFLICT, "Invoice " + id + " is " + invoice.status() + "; only a PENDING invoice can be "
                    + (action == Action.PAY ? "paid" : "declined") + ".", request);
        }
        return json(HttpStatus.OK, outcome.invoice());
    }

    private ServerResponse actOnPage(ServerRequest request) {
        String id = request.pathVariable("id");
        invoice(request);
        Action action = action(request.param("action").orElse(""));
        Outcome outcome = gateway.act(id, action).orElseThrow(() -> unknown(id));
        if (outcome instanceof Outcome.NotPending(Invoice invoice)) {
            return page.render(invoice, true);
        }
        Invoice invoice = outcome.invoice();
        return ServerResponse.status(HttpStatus.SEE_OTHER).location(UriComponentsBuilder.fromUri(invoice.returnUrl())
                .queryParam("invoiceId", invoice.id())
                .queryParam("status", invoice.status().name())
                .build().toUri()).build();
    }

    private ServerResponse replay(ServerRequest request) {
        String id = request.pathVariable("id");
        Invoice invoice = gateway.replayCallback(id).orElseThrow(() -> unknown(id));
        if (invoice.lastCallback().isEmpty()) {
            return Problems.problem(HttpStatus.CONFLICT, "Invoice " + id + " is " + invoice.status()
                    + "; the gateway sends a confirmation once it is paid or declined, and has none to send again yet.", request);
        }
        return json(HttpStatus.OK, invoice);
    }

    private ServerResponse refund(ServerRequest request) {
        String id = request.pathVariable("id");
        Invoice invoice = gateway.refund(id).orElseThrow(() -> unknown(id));
        if (invoice.status() != Invoice.Status.REFUNDED) {
            return Problems.problem(HttpStatus.CONFLICT, "Invoice " + id + " is " + invoice.status() + "; only a paid invoice can be refunded.", request);
        }
        return json(HttpStatus.OK, invoice);
    }

    private Invoice invoice(ServerRequest request) {
        String id = request.pathVariable("id");
        return gateway.find(id).orElseThrow(() -> unknown(id));
    }

    private static NotFoundException unknown(String id) {
        return new NotFoundException("The payment gateway has no invoice '" + id + "'; POST /sandbox/payments/v1/invoices raises one.");
    }

    private static Action action(String value) {
        return switch (value.strip().toLowerCase(Locale.ROOT)) {
            case "pay" -> Action.PAY;
            case "decline" -> Action.DECLINE;
            default -> throw new BadRequestException("\"action\" is 'pay' or 'decline', not '" + value + "'; send " + ACTION_EXAMPLE + ".");
        };
    }

    private static String text(JsonBody body, String field) {
        String value = body.requiredString(field);
        if (value.length() > MAX_TEXT) {
            throw new BadRequestException("\"" + field + "\" has " + value.length() + " characters; the gateway takes up to " + MAX_TEXT + ".");
        }
        return value;
    }

    private static Iin iin(String value) {
        try {
            return Iin.of(value);
        } catch (InvalidIdentifierException e) {
            throw new BadRequestException(e.getMessage() + ". \"payerIin\" is the payer's IIN: 12 digits, the last a check digit.");
        }
    }

    private ServerResponse json(HttpStatus status, Invoice invoice) {
        return ServerResponse.status(status).contentType(MediaType.APPLICATION_JSON).body(InvoiceView.of(invoice, address));
    }

    static URI pageUrl(SandboxAddress address, Invoice invoice) {
        return address.resolve("/payments/pay/" + invoice.id());
    }
}
