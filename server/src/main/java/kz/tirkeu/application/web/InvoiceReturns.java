package kz.tirkeu.application.web;

import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Which application an invoice was for, so that a buyer coming back from the gateway's page lands on it. */
@Component
class InvoiceReturns {

    private final JdbcClient db;

    InvoiceReturns(JdbcClient db) {
        this.db = db;
    }

    /** The application's number; whose it is, the caller checks through ApplicationQueries. */
    Optional<String> applicationOf(String invoiceId) {
        return db.sql("select a.number from application_payment p join application a on a.id = p.application_id where p.invoice_id = ?")
                .param(invoiceId).query(String.class).optional();
    }
}
