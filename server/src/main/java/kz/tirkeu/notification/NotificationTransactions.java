package kz.tirkeu.notification;

import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** The notification point's own transaction template, so it needs no more than a transaction manager. */
@Component
class NotificationTransactions {

    private final TransactionTemplate template;

    NotificationTransactions(PlatformTransactionManager transactionManager) {
        this.template = new TransactionTemplate(transactionManager);
    }

    TransactionTemplate template() {
        return template;
    }
}
