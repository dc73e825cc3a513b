package kz.tirkeu.application.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import kz.tirkeu.application.ApplicationStatus;
import kz.tirkeu.application.PoliceCase;
import kz.tirkeu.identity.Role;
import kz.tirkeu.identity.SignedInPerson;
import kz.tirkeu.pki.identity.Iin;
import org.junit.jupiter.api.Test;

/** How the queue marks a case for the officer looking at it: who holds it, and how close a review's deadline is. */
class PoliceCaseRowTest {

    static final Instant NOW = Instant.parse("2026-11-22T10:00:00Z");
    static final String OFFICER = "841005330026";
    static final SignedInPerson ME = new SignedInPerson(UUID.randomUUID(), Iin.of(OFFICER), Optional.empty(), "Officer",
            Set.of(Role.POLICE_OFFICER), Map.of(Role.POLICE_OFFICER, Set.of("02")), Set.of());

    @Test
    void theHolderIsSeenFromTheOfficerLookingAtTheQueue() {
        assertThat(PoliceCaseRow.of(review(Optional.empty(), NOW.plus(Duration.ofDays(9))), ME, NOW).holder()).isEqualTo(PoliceCaseRow.Holder.NOBODY);
        assertThat(PoliceCaseRow.of(review(Optional.of(OFFICER), NOW.plus(Duration.ofDays(9))), ME, NOW).holder()).isEqualTo(PoliceCaseRow.Holder.YOU);
        assertThat(PoliceCaseRow.of(review(Optional.of("900314300607"), NOW.plus(Duration.ofDays(9))), ME, NOW).holder())
                .isEqualTo(PoliceCaseRow.Holder.ANOTHER_OFFICER);
    }

    @Test
    void aReviewDueWithinTwoDaysIsNearAndOnePastItsDeadlineHasPassed() {
        assertThat(PoliceCaseRow.of(review(Optional.empty(), NOW.plus(Duration.ofDays(3))), ME, NOW).deadline()).isEqualTo(PoliceCaseRow.Deadline.AHEAD);
        assertThat(PoliceCaseRow.of(review(Optional.empty(), NOW.plus(Duration.ofHours(47))), ME, NOW).deadline()).isEqualTo(PoliceCaseRow.Deadline.NEAR);
        assertThat(PoliceCaseRow.of(review(Optional.empty(), NOW.minusSeconds(1)), ME, NOW).deadline()).isEqualTo(PoliceCaseRow.Deadline.PASSED);
        PoliceCase decision = new PoliceCase("A-2026-000001", ApplicationStatus.SUBMITTED, PoliceCase.Kind.DECISION, Optional.of("02"), "VIN",
                NOW, Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty());
        assertThat(PoliceCaseRow.of(decision, ME, NOW).deadline()).isEqualTo(PoliceCaseRow.Deadline.NONE);
    }

    private static PoliceCase review(Optional<String> holder, Instant deadline) {
        return new PoliceCase("A-2026-000001", ApplicationStatus.UNDER_REVIEW, PoliceCase.Kind.REVIEW, Optional.of("02"), "VIN", NOW.minus(Duration.ofDays(8)),
                Optional.of(deadline), holder, holder.map(h -> NOW), Optional.empty());
    }
}
