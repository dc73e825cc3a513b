package kz.tirkeu.payment.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import kz.tirkeu.identity.web.PublicEndpoint;
import kz.tirkeu.payment.PaymentCallbacks;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/** The payment gateway's callback: a machine, not a person or a partner, authenticated by the callback's HMAC. */
@RestController
class PaymentCallbacksApi {

    private final PaymentCallbacks callbacks;

    PaymentCallbacksApi(PaymentCallbacks callbacks) {
        this.callbacks = callbacks;
    }

    @PostMapping("/api/v1/payments/callbacks")
    // The operation id and tag it had before payment was an area of its own: clients generated from the document keep working.
    @Tag(name = "buyer-steps")
    @Operation(operationId = "buyerStepsPaymentCallback", summary = "The payment gateway's callback (a machine, not a partner)", description = "Signed with X-Payment-Signature: "
            + "sha256=<hex HMAC-SHA256 of the body>; counted once per invoice, and only when the gateway, asked again, confirms it. "
            + "Takes no Idempotency-Key: the invoice is its deduplication.")
    @PublicEndpoint
    CallbackAnswer paymentCallback(@RequestBody byte[] body, @RequestHeader(value = "X-Payment-Signature", required = false) String signature) {
        return new CallbackAnswer(callbacks.receive(body, signature).name());
    }

    record CallbackAnswer(String outcome) {}
}
