package kz.tirkeu.application;

import java.time.Instant;
import java.util.Optional;

/**
 * An application in a region's police queue: a registration decision (S19) or a review of an automated
 * refusal (Digital Code Art. 39). Whoever holds it — {@code officer}, or nobody, when the platform
 * decides automatically — is the only one who may decide it.
 *
 * @param region   the region whose administrative police decide it; empty when every region sees it
 * @param deadline a review's answer is due by then
 */
public record PoliceCase(String applicationNumber, ApplicationStatus status, Kind kind, Optional<String> region, String vin,
                         Instant openedAt, Optional<Instant> deadline, Optional<String> officerIin, Optional<Instant> assignedAt,
                         Optional<Instant> closedAt) {

    public enum Kind { DECISION, REVIEW }

    public boolean open() {
        return closedAt.isEmpty();
    }
}
