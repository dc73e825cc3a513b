package kz.tirkeu.payment;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import kz.tirkeu.platform.BackgroundWork;
import kz.tirkeu.statesystems.Answer;
import kz.tirkeu.statesystems.PaymentGateway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * A buyer who paid must not wait for a callback that was lost (the gateway gave up, a network cut, a secret rotated on
 * one side only): invoices pending longer than {@code after} are asked about at the gateway, and what it says is
 * recorded exactly as its callback would have been. Each invoice is asked at most once per interval, whichever server
 * asks ({@code for update skip locked}); an outage of the gateway just leaves them for the next round.
 */
@Component
class PaymentReconciliation extends BackgroundWork {

    private static final Logger log = LoggerFactory.getLogger(PaymentReconciliation.class);

    private final PaymentGateway gateway;
    private final PaymentCallbacks callbacks;
    private final JdbcClient db;
    private final Clock clock;
    private final PaymentProperties.Reconciliation settings;

    PaymentReconciliation(PaymentGateway gateway, PaymentCallbacks callbacks, JdbcClient db, Clock clock, PaymentProperties properties) {
        super("payment-reconciliation", properties.reconciliation().interval(), properties.reconciliation().enabled(),
                properties.reconciliation().batchSize(), STOP_WITHIN);
        this.gateway = gateway;
        this.callbacks = callbacks;
        this.db = db;
        this.clock = clock;
        this.settings = properties.reconciliation();
    }

    @Override
    protected int round() {
        return reconcile();
    }

    /** One round; returns how many pending invoices it asked about. */
    int reconcile() {
        List<String> due = claimDue();
        for (String invoiceId : due) {
            switch (gateway.invoice(invoiceId)) {
                case Answer.Found<PaymentGateway.Invoice> found when !"PENDING".equals(found.value().status()) -> {
                    PaymentCallbacks.Outcome outcome = callbacks.record(invoiceId, found.value().paymentId(), found.value().status());
                    if (outcome == PaymentCallbacks.Outcome.RECORDED) {
                        log.info("Invoice {} reconciled: the gateway says {}; its callback had not come", invoiceId, found.value().status());
                    }
                }
                case Answer.Found<PaymentGateway.Invoice> stillPending -> { }
                case Answer.NotFound<PaymentGateway.Invoice> none -> log.warn("Invoice {} is pending here, but the gateway knows no such invoice", invoiceId);
                case Answer.Unavailable<PaymentGateway.Invoice> down -> { }
            }
        }
        return due.size();
    }

    private List<String> claimDue() {
        Instant now = clock.instant();
        return db.sql("""
                        update payment_invoice set checked_at = ? where invoice_id in (
                            select invoice_id from payment_invoice
                             where status = 'PENDING' and created_at <= ? and (checked_at is null or checked_at <= ?)
                             order by created_at limit ? for update skip locked)
                        returning invoice_id""")
                .params(now.atOffset(ZoneOffset.UTC), now.minus(settings.after()).atOffset(ZoneOffset.UTC),
                        now.minus(settings.interval()).atOffset(ZoneOffset.UTC), settings.batchSize())
                .query(String.class).list();
    }
}
