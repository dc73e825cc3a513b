package kz.tirkeu.application;

import kz.tirkeu.platform.CannotServe;
import static kz.tirkeu.application.BuyerStepRules.own;
import static kz.tirkeu.application.BuyerStepRules.require;

import java.net.URI;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import kz.tirkeu.identity.SignedInPerson;
import kz.tirkeu.payment.Invoice;
import kz.tirkeu.payment.PaymentRecorded;
import kz.tirkeu.payment.Payments;
import kz.tirkeu.platform.PlatformAddresses;
import kz.tirkeu.statesystems.Answer;
import kz.tirkeu.statesystems.PaymentGateway;
import kz.tirkeu.statesystems.VehiclePassports;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * S17: the fees for the application's car, invoiced through the payment area; the buyer pays on the gateway's page,
 * and the application moves on when the payment area records the gateway's confirmation.
 */
@Service
public class FeePayment {

    private final Applications applications;
    private final ActionLog log;
    private final Payments payments;
    private final Fees fees;
    private final PlatformAddresses addresses;
    private final TransactionTemplate transaction;
    private final Clock clock;

    FeePayment(Applications applications, ActionLog log, Payments payments, Fees fees, PlatformAddresses addresses, TransactionTemplate transaction,
               Clock clock) {
        this.applications = applications;
        this.log = log;
        this.payments = payments;
        this.fees = fees;
        this.addresses = addresses;
        this.transaction = transaction;
        this.clock = clock;
    }

    /** The invoice for the fees; asking again gives the open invoice. */
    public Invoice invoice(SignedInPerson buyer, String number) {
        ApplicationRecord record = own(buyer, applications.find(number));
        require(record, ApplicationStatus.AWAITING_PAYMENT);
        Optional<Invoice> open = payments.pendingInvoice(record.id());
        if (open.isPresent()) {
            return open.get();
        }
        List<PaymentGateway.Item> items = fees.of(vehicleYear(record), clock.instant().atZone(ZoneOffset.UTC).toLocalDate());
        URI returnTo = URI.create(addresses.publicBase() + "/cabinet");
        return switch (payments.requestInvoice(record.number(), buyer.iin(), items, returnTo)) {
            case Answer.Found<PaymentGateway.Invoice> created -> transaction.execute(status -> {
                applications.lock(record.id());
                Invoice kept = payments.keep(record.id(), record.number(), created.value(), items);
                log.append(record.id(), clock.instant(), Action.Actor.PLATFORM, null, Step.S17, ApplicationStatus.AWAITING_PAYMENT,
                        new Act.InvoiceCreated(kept.invoiceId(), kept.amountKzt()), created.evidence());
                return kept;
            });
            case Answer.NotFound<PaymentGateway.Invoice> none -> throw new IllegalStateException("the gateway cannot answer 'not found' to a new invoice");
            case Answer.Unavailable<PaymentGateway.Invoice> down -> throw new CannotServe("PAYMENT_GATEWAY_UNAVAILABLE", CannotServe.Reason.UNAVAILABLE,
                    "The payment gateway does not answer right now; nothing was charged. Please try again in a few minutes.");
        };
    }

    /**
     * The payment area recorded the gateway's confirmation, in its transaction: a paid invoice moves the application
     * awaiting payment on to the buyer's signature. Recorded once per invoice, so a repeated callback never gets here.
     */
    @EventListener
    void paymentRecorded(PaymentRecorded payment) {
        ApplicationRecord record = applications.lock(payment.applicationId()).orElseThrow();
        if (payment.paid() && record.status() == ApplicationStatus.AWAITING_PAYMENT) {
            log.append(record.id(), clock.instant(), Action.Actor.PLATFORM, null, Step.S17, ApplicationStatus.AWAITING_BUYER_SIGNATURE,
                    new Act.Paid(payment.invoiceId(), payment.paymentId(), payment.amountKzt()), null);
        }
    }

    /** The car's year as the ЭПТС said at S3: the registration fee depends on the car's age. */
    private int vehicleYear(ApplicationRecord record) {
        return log.of(record.id()).stream().filter(a -> a.kind() == Action.Kind.CHECK_PASSED && a.step().orElse(null) == Step.S3)
                .flatMap(a -> a.evidence().stream()).flatMap(e -> VehiclePassports.yearOf(e).stream())
                .reduce((a, b) -> b).orElseThrow(() -> new IllegalStateException("no passport year in the log"));
    }
}
