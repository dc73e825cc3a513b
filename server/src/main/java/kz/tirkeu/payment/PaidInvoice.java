package kz.tirkeu.payment;

import java.time.Instant;
import java.util.List;
import kz.tirkeu.statesystems.PaymentGateway;

/** An invoice the gateway confirmed as paid: what the buyer's statement names and the decision rechecks. */
public record PaidInvoice(String invoiceId, String paymentId, long amountKzt, List<PaymentGateway.Item> items, Instant paidAt) {
}
