package kz.tirkeu.application;

import kz.tirkeu.platform.CannotServe;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import kz.tirkeu.identity.Role;
import kz.tirkeu.identity.SignedInPerson;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The region's police queue as officers work it: the open cases, a case with its evidence, and the
 * assignment lock — an officer takes a case over (from the automatic decision, or a review nobody
 * holds) and only that officer may decide it until they release it.
 */
@Service
public class PoliceQueue {

    private final Applications applications;
    private final ActionLog log;
    private final PoliceCases cases;
    private final Reviews reviews;
    private final TransactionTemplate transaction;
    private final Clock clock;
    private final ConflictOfInterest conflicts;

    PoliceQueue(Applications applications, ActionLog log, PoliceCases cases, Reviews reviews, TransactionTemplate transaction, Clock clock,
                ConflictOfInterest conflicts) {
        this.conflicts = conflicts;
        this.applications = applications;
        this.log = log;
        this.cases = cases;
        this.reviews = reviews;
        this.transaction = transaction;
        this.clock = clock;
    }

    public List<PoliceCase> open(SignedInPerson officer, Optional<PoliceCase.Kind> kind, int limit, int offset) {
        return cases.openIn(officer.scopesOf(Role.POLICE_OFFICER), kind, limit, offset);
    }

    /** A case as the officer sees it: the application with its whole log and evidence, and its reviews. */
    public CaseFile file(SignedInPerson officer, String number) {
        ApplicationRecord record = applications.find(number).orElseThrow(ApplicationProcess::notFound);
        PoliceCase policeCase = cases.of(record.id()).orElseThrow(ApplicationProcess::notFound);
        PoliceWork.requireRegion(officer, policeCase);
        return new CaseFile(policeCase, record, log.of(record.id()), reviews.of(record.id()));
    }

    public record CaseFile(PoliceCase policeCase, ApplicationRecord application, List<Action> actions, List<Review> reviews) {}

    public PoliceCase takeOver(SignedInPerson officer, String number) {
        return transaction.execute(status -> {
            ApplicationRecord record = applications.lock(number).orElseThrow(ApplicationProcess::notFound);
            PoliceCase policeCase = openCase(officer, record);
            conflicts.requireNotParty(officer, record.id());
            if (policeCase.officerIin().equals(Optional.of(officer.iin().value()))) {
                return policeCase; // already theirs: taking it again changes nothing
            }
            Instant now = clock.instant();
            if (!cases.assign(record.id(), officer.iin().value(), now)) {
                throw new ApplicationRefused("CASE_HELD_BY_ANOTHER_OFFICER", CannotServe.Reason.CONFLICT,
                        "Another officer has taken this case over; they decide it unless they release it.");
            }
            log.append(record.id(), now, Action.Actor.POLICE_OFFICER, officer.iin().value(), step(policeCase), record.status(),
                    new Act.CaseTakenOver(policeCase.kind()), null);
            return cases.of(record.id()).orElseThrow();
        });
    }

    public PoliceCase release(SignedInPerson officer, String number) {
        return transaction.execute(status -> {
            ApplicationRecord record = applications.lock(number).orElseThrow(ApplicationProcess::notFound);
            PoliceCase policeCase = openCase(officer, record);
            Instant now = clock.instant();
            if (!cases.release(record.id(), officer.iin().value(), now)) {
                throw new ApplicationRefused("CASE_NOT_HELD", CannotServe.Reason.CONFLICT, "You do not hold this case.").situation("notYours");
            }
            log.append(record.id(), now, Action.Actor.POLICE_OFFICER, officer.iin().value(), step(policeCase), record.status(),
                    new Act.CaseReleased(policeCase.kind()), null);
            return cases.of(record.id()).orElseThrow();
        });
    }

    private PoliceCase openCase(SignedInPerson officer, ApplicationRecord record) {
        PoliceCase policeCase = cases.of(record.id()).orElseThrow(ApplicationProcess::notFound);
        PoliceWork.requireRegion(officer, policeCase);
        if (!policeCase.open()) {
            throw new ApplicationRefused("CASE_CLOSED", CannotServe.Reason.CONFLICT, "This case is already decided; the application is " + record.status() + ".",
                    ApplicationRefused.status(record));
        }
        return policeCase;
    }

    /** A decision is S19's; a review concerns the refused step, which its own log entries name. */
    private static Step step(PoliceCase policeCase) {
        return policeCase.kind() == PoliceCase.Kind.DECISION ? Step.S19 : null;
    }
}
