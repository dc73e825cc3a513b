package kz.tirkeu.sandbox.payment;

import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import kz.tirkeu.pki.identity.Iin;
import kz.tirkeu.sandbox.callback.SignedCallbacks;
import kz.tirkeu.sandbox.callback.SignedCallbacks.Callback;
import kz.tirkeu.sandbox.callback.SignedCallbacks.Delivery;

/**
 * An invoice (шот / счёт) the platform raised at the gateway for a payer to pay: the items and their
 * sum, where to confirm the payment (callbackUrl) and where to send the payer's browser back (returnUrl).
 *
 * @param paymentId        the gateway's id of the payment, set once when the invoice is paid or declined
 * @param decidedAt        when it was paid or declined
 * @param lastCallback     the confirmation as last posted (exact bytes and signature), for a replay
 * @param callbackDelivery how posting it went
 * @param callbacksAccepted how many times the platform accepted a confirmation (2xx), replays included: a tester waits for
 *                          a replay to have arrived by this, rather than guessing how long the post takes
 */
public record Invoice(String id, String reference, Iin payer, List<Item> items, long amountKzt, URI callbackUrl, URI returnUrl,
                      Instant createdAt, Instant expiresAt, Status status, Optional<String> paymentId, Optional<Instant> decidedAt,
                      Optional<Callback> lastCallback, Optional<Delivery> callbackDelivery, int callbacksAccepted) {

    public enum Status { PENDING, PAID, DECLINED, EXPIRED, REFUNDED }

    /** One line of the invoice: a fee or duty by its code, in whole tenge. */
    public record Item(String code, String description, long amountKzt) {}

    public Invoice {
        items = List.copyOf(items);
    }

    /** The payment was reversed after the fact (a bank chargeback, an operator's refund). */
    Invoice refunded() {
        return new Invoice(id, reference, payer, items, amountKzt, callbackUrl, returnUrl, createdAt, expiresAt, Status.REFUNDED,
                paymentId, decidedAt, lastCallback, callbackDelivery, callbacksAccepted);
    }

    Invoice expired() {
        return new Invoice(id, reference, payer, items, amountKzt, callbackUrl, returnUrl, createdAt, expiresAt, Status.EXPIRED,
                paymentId, decidedAt, lastCallback, callbackDelivery, callbacksAccepted);
    }

    Invoice decided(Status outcome, String newPaymentId, Instant at, Callback callback) {
        return new Invoice(id, reference, payer, items, amountKzt, callbackUrl, returnUrl, createdAt, expiresAt, outcome,
                Optional.of(newPaymentId), Optional.of(at), Optional.of(callback), Optional.empty(), callbacksAccepted);
    }

    Invoice withDelivery(Delivery delivery) {
        return new Invoice(id, reference, payer, items, amountKzt, callbackUrl, returnUrl, createdAt, expiresAt, status,
                paymentId, decidedAt, lastCallback, Optional.of(delivery),
                delivery.state() == SignedCallbacks.State.POSTED ? callbacksAccepted + 1 : callbacksAccepted);
    }
}
