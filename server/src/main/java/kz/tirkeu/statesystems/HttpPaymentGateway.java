package kz.tirkeu.statesystems;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import kz.tirkeu.pki.cms.Digests;
import kz.tirkeu.pki.identity.Iin;
import kz.tirkeu.platform.PlatformAddresses;
import org.springframework.stereotype.Component;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/** The payment gateway over HTTP: {@code POST {state systems}/payments/v1/invoices}. */
@Component
class HttpPaymentGateway implements PaymentGateway {

    private final PlatformAddresses addresses;
    private final Clock clock;
    private final StateSystemProperties properties;
    private final HttpClient http;
    private final StateSystemClient client;
    private final JsonMapper json = JsonMapper.builder().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();

    HttpPaymentGateway(PlatformAddresses addresses, Clock clock, StateSystemProperties properties, StateSystemClient client) {
        this.client = client;
        this.addresses = addresses;
        this.clock = clock;
        this.properties = properties;
        this.http = HttpClient.newBuilder().connectTimeout(properties.connectTimeout()).build();
    }

    @Override
    public Answer<Invoice> createInvoice(String reference, Iin payer, List<Item> items, URI callbackUrl, URI returnUrl) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("reference", reference);
        body.put("payerIin", payer.value());
        body.put("items", items);
        body.put("callbackUrl", callbackUrl.toString());
        body.put("returnUrl", returnUrl.toString());
        UUID requestId = UUID.randomUUID();
        var requestedAt = clock.instant();
        try {
            HttpResponse<byte[]> response = http.send(HttpRequest.newBuilder(addresses.stateSystem("/payments/v1/invoices"))
                    .timeout(properties.requestTimeout()).header("Content-Type", "application/json").header("X-Request-Id", requestId.toString())
                    .POST(HttpRequest.BodyPublishers.ofString(json.writeValueAsString(body))).build(), HttpResponse.BodyHandlers.ofByteArray());
            String digest = HexFormat.of().formatHex(Digests.sha256(response.body()));
            if (response.statusCode() == 200 || response.statusCode() == 201) {
                Invoice invoice = json.readValue(response.body(), Invoice.class);
                return new Answer.Found<>(invoice, new Evidence(StateSystem.PAYMENTS, requestId, requestedAt, clock.instant(), Evidence.Outcome.FOUND,
                        response.statusCode(), Map.of("invoiceId", invoice.invoiceId(), "amountKzt", String.valueOf(invoice.amountKzt())), digest));
            }
            return new Answer.Unavailable<>("the payment gateway answered HTTP " + response.statusCode(), java.util.Optional.empty(),
                    new Evidence(StateSystem.PAYMENTS, requestId, requestedAt, clock.instant(), Evidence.Outcome.UNAVAILABLE, response.statusCode(), Map.of(), digest));
        } catch (IOException | RuntimeException e) {
            return new Answer.Unavailable<>("the payment gateway does not answer", java.util.Optional.empty(),
                    new Evidence(StateSystem.PAYMENTS, requestId, requestedAt, clock.instant(), Evidence.Outcome.UNAVAILABLE, 0, Map.of(), ""));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Answer.Unavailable<>("interrupted", java.util.Optional.empty(),
                    new Evidence(StateSystem.PAYMENTS, requestId, requestedAt, clock.instant(), Evidence.Outcome.UNAVAILABLE, 0, Map.of(), ""));
        }
    }

    @Override
    public Answer<Invoice> invoice(String invoiceId) {
        return client.get(StateSystem.PAYMENTS, "/invoices/" + java.net.URLEncoder.encode(invoiceId, java.nio.charset.StandardCharsets.UTF_8),
                Invoice.class, invoice -> HttpStateSystems.facts("invoiceId", invoice.invoiceId(), "status", invoice.status(),
                        "amountKzt", String.valueOf(invoice.amountKzt())));
    }
}
