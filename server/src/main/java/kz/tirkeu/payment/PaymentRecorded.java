package kz.tirkeu.payment;

import java.util.UUID;

/**
 * The gateway's confirmation of an invoice, recorded once (by invoice): published inside the transaction that
 * records it, so that whoever moves the application on does so in the same transaction or not at all.
 *
 * @param outcome the gateway's status, {@code PAID} or another it reports (a declined or cancelled payment)
 */
public record PaymentRecorded(UUID applicationId, String reference, String invoiceId, String paymentId, long amountKzt, String outcome) {

    public boolean paid() {
        return "PAID".equals(outcome);
    }
}
