package kz.tirkeu.application.web;

import java.util.Optional;
import kz.tirkeu.application.ApplicationQueries;
import kz.tirkeu.payment.Payments;
import org.springframework.stereotype.Component;

/** Which application an invoice was for, so that a buyer coming back from the gateway's page lands on it. */
@Component
class InvoiceReturns {

    private final Payments payments;
    private final ApplicationQueries applications;

    InvoiceReturns(Payments payments, ApplicationQueries applications) {
        this.payments = payments;
        this.applications = applications;
    }

    /** The application's number; whose it is, the caller checks through ApplicationQueries. */
    Optional<String> applicationOf(String invoiceId) {
        return payments.applicationOf(invoiceId).flatMap(applications::numberOf);
    }
}
