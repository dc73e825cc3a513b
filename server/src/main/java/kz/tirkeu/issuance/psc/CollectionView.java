package kz.tirkeu.issuance.psc;

import java.time.Instant;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;
import kz.tirkeu.issuance.CollectionRecord;

/**
 * One expected collection as the PSC operator sees it.
 *
 * @param status      IN_PRODUCTION, READY or HANDED_OVER
 * @param overdue     ready for longer than the collection period and not collected
 * @param collectBy   the end of the collection period, once ready
 * @param waitingFor  why production is behind (an outage being retried), when it is
 *
 * <p>What is not there yet is null, and the OpenAPI document says so (the API fuzzer found the PSC's list answering
 * nulls the document did not allow, once the list held collections not yet ready or handed over).
 */
public record CollectionView(String applicationNumber, String ownerIin, String ownerName, String vin, String plateNumber, String plateType,
                             String certificateNumber, String status, boolean ready, boolean overdue, Certificate certificate, Plates plates,
                             Instant orderedAt, @Schema(nullable = true) Instant readyAt, @Schema(nullable = true) Instant collectBy,
                             @Schema(nullable = true) String queueTicket, @Schema(nullable = true) Instant ticketIssuedAt,
                             @Schema(nullable = true) Instant handedOverAt, @Schema(nullable = true) String waitingFor) {

    /** @param status AWAITING_SUBMISSION, QUEUED, PRINTED or DELIVERED_TO_PSC */
    public record Certificate(String status, @Schema(nullable = true) String blankNumber) {}

    /** @param status AWAITING_SUBMISSION, ORDERED, MADE or AT_PSC */
    public record Plates(String status, List<String> serials) {}

    static CollectionView of(CollectionRecord record, Instant now, int collectionDays) {
        Instant collectBy = record.readyAt().map(ready -> ready.plus(java.time.Duration.ofDays(collectionDays))).orElse(null);
        boolean overdue = collectBy != null && !record.handedOver() && now.isAfter(collectBy);
        String status = record.handedOver() ? "HANDED_OVER" : record.ready() ? "READY" : "IN_PRODUCTION";
        var order = record.order();
        return new CollectionView(order.applicationNumber(), order.owner().value(), order.ownerName(), order.vin(), order.plateNumber(),
                order.plateType(), order.certificateNumber(), status, record.ready() && !record.handedOver(), overdue,
                // Once handed over, the card and the plates are with the owner, not at the PSC (issue [11]).
                new Certificate(record.handedOver() ? "HANDED_OVER" : record.certificateStatus(), record.certificateBlankNumber().orElse(null)),
                new Plates(record.handedOver() ? "HANDED_OVER" : record.platesStatus(), record.plateSerials()), record.orderedAt(), record.readyAt().orElse(null), collectBy,
                record.queueTicket().orElse(null), record.ticketIssuedAt().orElse(null), record.handedOverAt().orElse(null),
                record.ready() ? null : record.lastProblem().orElse(null));
    }
}
