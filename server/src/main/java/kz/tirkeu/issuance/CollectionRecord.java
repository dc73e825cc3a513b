package kz.tirkeu.issuance;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * One application's documents as the platform knows them: production's progress, reception and the
 * handover (table {@code collection_order}).
 *
 * @param certificateStatus AWAITING_SUBMISSION, QUEUED, PRINTED or DELIVERED_TO_PSC (views say HANDED_OVER once handed over)
 * @param platesStatus      AWAITING_SUBMISSION, ORDERED, MADE or AT_PSC (likewise)
 * @param lastProblem       why production could not be asked last time (an outage), shown to operators
 */
public record CollectionRecord(CollectionOrder order, Instant orderedAt, String certificateStatus, Optional<String> printJobId,
                               Optional<String> certificateBlankNumber, String platesStatus, Optional<String> plateOrderId, List<String> plateSerials,
                               Optional<Instant> readyAt, int failedAttempts, Optional<String> lastProblem, Optional<String> queueTicket,
                               Optional<Instant> ticketIssuedAt, Optional<Instant> handedOverAt, Optional<String> handedOverBy) {

    public static final String DELIVERED_TO_PSC = "DELIVERED_TO_PSC";
    public static final String AT_PSC = "AT_PSC";

    public CollectionRecord {
        plateSerials = List.copyOf(plateSerials);
    }

    public boolean ready() {
        return readyAt.isPresent();
    }

    public boolean handedOver() {
        return handedOverAt.isPresent();
    }
}
