package kz.tirkeu.statesystems;

import java.net.URI;
import java.util.List;
import kz.tirkeu.pki.identity.Iin;

/** ПШЭП, the e-gov payment gateway: invoices the buyer pays on the gateway's page (S17); confirmations come as signed callbacks. */
public interface PaymentGateway {

    Answer<Invoice> createInvoice(String reference, Iin payer, List<Item> items, URI callbackUrl, URI returnUrl);

    /**
     * The invoice as the gateway has it now: the registration decision (S19) asks again rather than
     * trusting the callback alone, so a reversed payment is never registered.
     */
    Answer<Invoice> invoice(String invoiceId);

    record Item(String code, String description, long amountKzt) {}

    /** @param paymentId the gateway's id of the payment once the invoice is paid or declined; null while pending */
    record Invoice(String invoiceId, String status, long amountKzt, String paymentPageUrl, String paymentId) {}
}
