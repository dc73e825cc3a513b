package kz.tirkeu.payment;

/** An invoice as the platform keeps it: the buyer pays it on the gateway's page. */
public record Invoice(String invoiceId, long amountKzt, String paymentPageUrl, String status) {
}
