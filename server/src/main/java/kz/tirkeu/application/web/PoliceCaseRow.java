package kz.tirkeu.application.web;

import java.time.Duration;
import java.time.Instant;
import kz.tirkeu.application.PoliceCase;
import kz.tirkeu.identity.SignedInPerson;

/**
 * A case as the queue shows it to one officer: who holds it, seen from that officer ("you", "another
 * officer", nobody), and how close a review's deadline is — a review due within {@link #NEAR} is
 * highlighted, one past it even more, so that no applicant waits beyond the legal time.
 */
record PoliceCaseRow(PoliceCase policeCase, Holder holder, Deadline deadline) {

    static final Duration NEAR = Duration.ofDays(2);

    enum Holder { NOBODY, YOU, ANOTHER_OFFICER }

    enum Deadline { NONE, AHEAD, NEAR, PASSED }

    static PoliceCaseRow of(PoliceCase policeCase, SignedInPerson officer, Instant now) {
        Holder holder = policeCase.officerIin().map(iin -> iin.equals(officer.iin().value()) ? Holder.YOU : Holder.ANOTHER_OFFICER)
                .orElse(Holder.NOBODY);
        Deadline deadline = policeCase.deadline().filter(d -> policeCase.open())
                .map(due -> now.isAfter(due) ? Deadline.PASSED : now.plus(NEAR).isAfter(due) ? Deadline.NEAR : Deadline.AHEAD)
                .orElse(Deadline.NONE);
        return new PoliceCaseRow(policeCase, holder, deadline);
    }
}
