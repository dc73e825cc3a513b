package kz.tirkeu.payment;

import java.net.URI;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import kz.tirkeu.pki.identity.Iin;
import kz.tirkeu.platform.PlatformAddresses;
import kz.tirkeu.statesystems.Answer;
import kz.tirkeu.statesystems.PaymentGateway;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * The payment area's API: an application's invoices, asked for, kept and looked up, and reconciliation with the
 * gateway. Calls to the gateway are network calls: never inside a transaction that holds an application's lock.
 */
@Service
public class Payments {

    /** Where the gateway sends its confirmations: {@link kz.tirkeu.payment.web.PaymentCallbacksApi}. */
    static final String CALLBACK_PATH = "/api/v1/payments/callbacks";

    private static final TypeReference<List<PaymentGateway.Item>> ITEMS = new TypeReference<>() {};

    private final PaymentGateway gateway;
    private final PlatformAddresses addresses;
    private final JdbcClient db;
    private final Clock clock;
    private final JsonMapper json = JsonMapper.builder().build();

    Payments(PaymentGateway gateway, PlatformAddresses addresses, JdbcClient db, Clock clock) {
        this.gateway = gateway;
        this.addresses = addresses;
        this.db = db;
        this.clock = clock;
    }

    /** The invoice still waiting to be paid for an application, if there is one: asking again gives the same invoice. */
    public Optional<Invoice> pendingInvoice(UUID applicationId) {
        return db.sql("""
                        select invoice_id, amount_kzt, payment_page_url, status from payment_invoice
                         where application_id = ? and status = 'PENDING' order by created_at desc limit 1""")
                .param(applicationId).query((rs, n) -> new Invoice(rs.getString(1), rs.getLong(2), rs.getString(3), rs.getString(4))).optional();
    }

    /**
     * Asks the gateway for a new invoice, to be paid on its page and confirmed to our callback address.
     *
     * @param reference the application's number, which the gateway repeats in its callback
     * @param returnTo  where the gateway's page sends the buyer afterwards
     */
    public Answer<PaymentGateway.Invoice> requestInvoice(String reference, Iin payer, List<PaymentGateway.Item> items, URI returnTo) {
        return gateway.createInvoice(reference, payer, items, URI.create(addresses.publicBase() + CALLBACK_PATH), returnTo);
    }

    /** Keeps an invoice the gateway made, in the caller's transaction; the same invoice twice is kept once. */
    public Invoice keep(UUID applicationId, String reference, PaymentGateway.Invoice created, List<PaymentGateway.Item> items) {
        db.sql("""
                        insert into payment_invoice (invoice_id, application_id, reference, amount_kzt, items, payment_page_url, status, created_at)
                        values (?, ?, ?, ?, ?::jsonb, ?, 'PENDING', ?) on conflict (invoice_id) do nothing""")
                .params(created.invoiceId(), applicationId, reference, created.amountKzt(), json.writeValueAsString(items),
                        created.paymentPageUrl(), clock.instant().atOffset(ZoneOffset.UTC)).update();
        return new Invoice(created.invoiceId(), created.amountKzt(), created.paymentPageUrl(), "PENDING");
    }

    /** The latest invoice the gateway confirmed as paid for an application. */
    public Optional<PaidInvoice> paid(UUID applicationId) {
        return db.sql("""
                        select invoice_id, payment_id, amount_kzt, items::text, paid_at from payment_invoice
                         where application_id = ? and status = 'PAID' order by paid_at desc limit 1""")
                .param(applicationId)
                .query((rs, n) -> new PaidInvoice(rs.getString(1), rs.getString(2), rs.getLong(3), json.readValue(rs.getString(4), ITEMS),
                        rs.getObject(5, java.time.OffsetDateTime.class).toInstant()))
                .optional();
    }

    /** Which application an invoice is for: a buyer coming back from the gateway's page lands on it. */
    public Optional<UUID> applicationOf(String invoiceId) {
        return db.sql("select application_id from payment_invoice where invoice_id = ?").param(invoiceId).query(UUID.class).optional();
    }

    /**
     * Reconciliation: the invoice as the gateway has it now, not as its callback said. The registration decision asks
     * this rather than trusting the callback alone, so a payment reversed after its callback is never registered.
     */
    public Answer<PaymentGateway.Invoice> asTheGatewayHasIt(String invoiceId) {
        return gateway.invoice(invoiceId);
    }

}
