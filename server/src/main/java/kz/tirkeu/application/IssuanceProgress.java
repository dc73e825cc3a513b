package kz.tirkeu.application;

import java.util.LinkedHashMap;
import java.util.Map;
import kz.tirkeu.issuance.IssuanceEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Chapter 2 of the algorithm in the application's log: the documents at the PSC (P7), the queue ticket
 * (P8), the handover (P9–P10). Runs inside the issuance transaction that published the event, so the
 * two records never disagree.
 */
@Component
class IssuanceProgress {

    private static final org.slf4j.Logger logger = org.slf4j.LoggerFactory.getLogger(IssuanceProgress.class);

    private final Applications applications;
    private final ActionLog log;

    IssuanceProgress(Applications applications, ActionLog log) {
        this.applications = applications;
        this.log = log;
    }

    @EventListener
    void on(IssuanceEvent event) {
        java.util.Optional<ApplicationRecord> found = applications.lock(event.applicationNumber());
        if (found.isEmpty()) {
            // Issuance serves applications only; an order without one (a test's, an import's) has no log to write to.
            logger.warn("Issuance event for {}, which is no application of this platform: {}", event.applicationNumber(), event);
            return;
        }
        ApplicationRecord record = found.get();
        switch (event) {
            case IssuanceEvent.DocumentsReady ready -> log.append(record.id(), ready.at(), Action.Actor.PLATFORM, null, Step.P7,
                    ApplicationStatus.READY_FOR_COLLECTION, new Act.DocumentsReady(ready.pscCode()), null);
            case IssuanceEvent.QueueTicketIssued ticket -> log.append(record.id(), ticket.at(), Action.Actor.PSC_OPERATOR, ticket.operatorIin(), Step.P8,
                    record.status(), new Act.QueueTicketIssued(ticket.pscCode(), ticket.ticket(), ticket.identityCheckedBy()), null);
            case IssuanceEvent.DocumentsHandedOver handed -> log.append(record.id(), handed.at(), Action.Actor.PSC_OPERATOR, handed.operatorIin(), Step.P10,
                    ApplicationStatus.HANDED_OVER, new Act.HandedOver(handed.pscCode(), handed.plateSerials(), handed.certificateBlankNumber()), null);
        }
    }
}
