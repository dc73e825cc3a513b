package kz.tirkeu.issuance.production;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import kz.tirkeu.issuance.CollectionOrder;
import kz.tirkeu.issuance.CollectionRecord;
import kz.tirkeu.issuance.IssuanceEvent;
import kz.tirkeu.issuance.IssuanceProperties;
import kz.tirkeu.notification.NoticeRequest;
import kz.tirkeu.notification.NotificationPoint;
import kz.tirkeu.statesystems.Answer;
import kz.tirkeu.statesystems.ServiceCentres;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * One look at one order in production: submit what was not submitted yet, ask how what was submitted
 * is going, record it; when the certificate and the plates are both at the PSC, the documents are
 * ready (P7): {@link IssuanceEvent.DocumentsReady} and the buyer's notice, in one transaction. The
 * outside calls are made outside any transaction; any of them failing only puts the next look later.
 */
@Component
class ProductionProgress {

    private static final Logger log = LoggerFactory.getLogger(ProductionProgress.class);
    static final String READY_TEMPLATE = "issuance.documents-ready";

    private final PrintCentre printCentre;
    private final PlateMaker plateMaker;
    private final ServiceCentres serviceCentres;
    private final ProductionQueue queue;
    private final NotificationPoint notifications;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate transaction;
    private final Clock clock;
    private final IssuanceProperties properties;

    ProductionProgress(PrintCentre printCentre, PlateMaker plateMaker, ServiceCentres serviceCentres, ProductionQueue queue,
                       NotificationPoint notifications, ApplicationEventPublisher events, TransactionTemplate transaction, Clock clock,
                       IssuanceProperties properties) {
        this.printCentre = printCentre;
        this.plateMaker = plateMaker;
        this.serviceCentres = serviceCentres;
        this.queue = queue;
        this.notifications = notifications;
        this.events = events;
        this.transaction = transaction;
        this.clock = clock;
        this.properties = properties;
    }

    void lookAt(CollectionRecord record) {
        CollectionOrder order = record.order();
        List<String> problems = new ArrayList<>();
        Optional<Duration> retryAfter = Optional.empty();

        String jobId = null, certificateStatus = null, blank = null;
        if (!CollectionRecord.DELIVERED_TO_PSC.equals(record.certificateStatus())) {
            ExternalReply<PrintCentre.PrintJob> job = record.printJobId().isEmpty()
                    ? printCentre.submit(order.certificateNumber(), order.pscCode(), certificateData(order))
                    : printCentre.status(record.printJobId().get());
            if (job instanceof ExternalReply.NotFound<PrintCentre.PrintJob> lost) {
                // The print centre lost the job (restarted without its queue): submit it again. Safe, because it keys
                // jobs by the certificate number: a job it still has comes back instead of a second card.
                log.warn("Collection order {}: the print centre does not know job {} ({}); submitting it again", order.applicationNumber(),
                        record.printJobId().orElse("?"), lost.detail());
                job = printCentre.submit(order.certificateNumber(), order.pscCode(), certificateData(order));
            }
            switch (job) {
                case ExternalReply.Ok<PrintCentre.PrintJob> ok -> {
                    jobId = ok.value().jobId();
                    certificateStatus = ok.value().status();
                    blank = ok.value().blankNumber();
                }
                case ExternalReply.Unavailable<PrintCentre.PrintJob> u -> {
                    problems.add(u.why());
                    retryAfter = u.retryAfter();
                }
                case ExternalReply.NotFound<PrintCentre.PrintJob> nf -> problems.add("the print centre does not know the job it was just given: " + nf.detail());
                case ExternalReply.Rejected<PrintCentre.PrintJob> r -> problems.add("the print centre refused the job: " + r.detail());
            }
        }
        String orderId = null, platesStatus = null;
        List<String> serials = List.of();
        if (!CollectionRecord.AT_PSC.equals(record.platesStatus())) {
            ExternalReply<PlateMaker.PlateOrder> plates = record.plateOrderId().isEmpty()
                    ? plateMaker.order(order.plateNumber(), order.plateType(), order.pscCode())
                    : plateMaker.status(record.plateOrderId().get());
            if (plates instanceof ExternalReply.NotFound<PlateMaker.PlateOrder> lost) {
                // As for the print centre: orders are keyed by the plate number, so ordering again makes no second pair.
                log.warn("Collection order {}: the plate maker does not know order {} ({}); ordering again", order.applicationNumber(),
                        record.plateOrderId().orElse("?"), lost.detail());
                plates = plateMaker.order(order.plateNumber(), order.plateType(), order.pscCode());
            }
            switch (plates) {
                case ExternalReply.Ok<PlateMaker.PlateOrder> ok -> {
                    orderId = ok.value().orderId();
                    platesStatus = "ACCEPTED".equals(ok.value().status()) ? "ORDERED" : ok.value().status();
                    serials = ok.value().serials();
                }
                case ExternalReply.Unavailable<PlateMaker.PlateOrder> u -> {
                    problems.add(u.why());
                    retryAfter = u.retryAfter();
                }
                case ExternalReply.NotFound<PlateMaker.PlateOrder> nf -> problems.add("the plate maker does not know the order it was just given: " + nf.detail());
                case ExternalReply.Rejected<PlateMaker.PlateOrder> r -> problems.add("the plate maker refused the order: " + r.detail());
            }
        }
        boolean certificateThere = CollectionRecord.DELIVERED_TO_PSC.equals(record.certificateStatus()) || CollectionRecord.DELIVERED_TO_PSC.equals(certificateStatus);
        boolean platesThere = CollectionRecord.AT_PSC.equals(record.platesStatus()) || CollectionRecord.AT_PSC.equals(platesStatus);
        Optional<ServiceCentres.ServiceCentre> centre = Optional.empty();
        if (certificateThere && platesThere) {
            // The notice names the PSC; without the catalogue's answer the documents wait (not a failure of production).
            switch (serviceCentres.find(order.pscCode())) {
                case Answer.Found<ServiceCentres.ServiceCentre> found -> centre = Optional.of(found.value());
                case Answer.NotFound<ServiceCentres.ServiceCentre> nf -> problems.add("the PSC catalogue does not know " + order.pscCode());
                case Answer.Unavailable<ServiceCentres.ServiceCentre> u -> {
                    problems.add(u.why());
                    retryAfter = u.retryAfter();
                }
            }
        }
        ProductionQueue.Progress progress = new ProductionQueue.Progress(jobId, certificateStatus, blank, orderId, platesStatus, serials);
        Optional<ServiceCentres.ServiceCentre> readyAt = centre;
        Optional<Duration> wait = retryAfter;
        try {
            transaction.executeWithoutResult(status -> {
                queue.recordProgress(order.applicationNumber(), progress);
                if (readyAt.isPresent()) {
                    ready(order, readyAt.get());
                } else {
                    queue.scheduleNext(order.applicationNumber(), problems.isEmpty() ? Optional.empty() : Optional.of(String.join("; ", problems)), wait);
                }
            });
        } catch (org.springframework.dao.DuplicateKeyException e) {
            // Production gave a card blank or a plate serial another car has (a restarted counter): refused, nothing of this
            // round kept, and production asked again later; the operators must see it (issue [11]).
            String why = "production gave a number another application already has (" + progress.blankNumber() + ", " + progress.serials()
                    + "); not recorded";
            log.warn("Collection order {}: {}", order.applicationNumber(), why);
            transaction.executeWithoutResult(status -> queue.scheduleNext(order.applicationNumber(), Optional.of(why), Optional.empty()));
            return;
        }
        if (!problems.isEmpty()) {
            log.info("Collection order {}: {}; asking again later", order.applicationNumber(), String.join("; ", problems));
        }
    }

    private void ready(CollectionOrder order, ServiceCentres.ServiceCentre centre) {
        Instant now = clock.instant();
        queue.markReady(order.applicationNumber(), now);
        notifications.notify(new NoticeRequest(order.owner(), READY_TEMPLATE, Map.of(
                "applicationNumber", order.applicationNumber(),
                "plateNumber", order.plateNumber(),
                "pscName", centre.name(),
                "pscAddress", centre.address(),
                "workingHours", centre.workingHours() == null ? "" : centre.workingHours(),
                "collectionDays", String.valueOf(properties.collectionDays())), order.applicationNumber()));
        events.publishEvent(new IssuanceEvent.DocumentsReady(order.applicationNumber(), now, order.pscCode()));
    }

    /** What the print centre puts on the card (DOMAIN.md §5.5) as far as the order carries it. */
    private static Map<String, String> certificateData(CollectionOrder order) {
        Map<String, String> data = new LinkedHashMap<>();
        data.put("certificateNumber", order.certificateNumber());
        data.put("plateNumber", order.plateNumber());
        data.put("vin", order.vin());
        data.put("ownerName", order.ownerName());
        data.put("ownerIin", order.owner().value());
        return data;
    }
}
