package kz.tirkeu.application;

import kz.tirkeu.platform.CannotServe;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import kz.tirkeu.application.checks.CheckResult;
import kz.tirkeu.identity.Role;
import kz.tirkeu.identity.SignedInPerson;
import kz.tirkeu.payment.Payments;
import kz.tirkeu.registry.certificate.CertificateIssuer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * S19, the registration decision, taken for the administrative police of the region of the chosen
 * PSC. The platform decides by itself unless an officer has taken the case over: it registers when
 * the evidence, read afresh at the decision, passes (ГБД ФЛ, ЭПТС, the contract, ЕРАП — S11–S14 once
 * more), the payment gateway still confirms the payment, both signatures still validate, and the
 * register does not hold the VIN; otherwise it refuses with reasons, open to human review (Art. 39).
 * A state system that does not answer makes the decision wait and try again, never refuse.
 *
 * <p>Registering allocates the plate and issues the certificate first (idempotent per application,
 * network calls outside any transaction), then enters the register, logs the decision and hands the
 * documents to production in one transaction.
 */
@Service
public class RegistrationDecision {

    private static final Logger logger = LoggerFactory.getLogger(RegistrationDecision.class);
    /** The statuses in which S19 is still to be decided. */
    static final Set<ApplicationStatus> UNDECIDED = EnumSet.of(ApplicationStatus.SUBMITTED, ApplicationStatus.WAITING_FOR_STATE_SYSTEM);

    private final Applications applications;
    private final ActionLog log;
    private final PoliceCases cases;
    private final Reviews reviews;
    private final Payments payments;
    private final DecisionEvidence evidence;
    private final DecisionOutcomes outcomes;
    private final RegisterEntry entry;
    private final CertificateIssuer certificates;
    private final JdbcClient db;
    private final TransactionTemplate transaction;
    private final Clock clock;
    private final Duration decisionDelay;
    private final ConflictOfInterest conflicts;
    private final RefusalTexts refusalTexts;

    RegistrationDecision(Applications applications, ActionLog log, PoliceCases cases, Reviews reviews, Payments payments, DecisionEvidence evidence,
                         DecisionOutcomes outcomes, RegisterEntry entry, CertificateIssuer certificates, JdbcClient db, TransactionTemplate transaction,
                         Clock clock, RegistrationProperties properties, ConflictOfInterest conflicts, RefusalTexts refusalTexts) {
        this.applications = applications;
        this.log = log;
        this.cases = cases;
        this.reviews = reviews;
        this.payments = payments;
        this.evidence = evidence;
        this.outcomes = outcomes;
        this.entry = entry;
        this.certificates = certificates;
        this.db = db;
        this.transaction = transaction;
        this.clock = clock;
        this.decisionDelay = properties.decisionDelay();
        this.conflicts = conflicts;
        this.refusalTexts = refusalTexts;
    }

    /** S18 is done: the application joins its region's police queue. Called in the transaction that logged SUBMITTED. */
    void submitted(UUID applicationId, String region, Instant now) {
        cases.open(applicationId, PoliceCase.Kind.DECISION, region, now, now.plus(decisionDelay), null);
    }

    /** Takes the automatic decisions that are due and that no officer holds; returns how many it took up. */
    int decideDue() {
        List<UUID> due = cases.claimDueDecisions(10);
        for (UUID id : due) {
            try {
                decide(id, Optional.empty());
            } catch (RuntimeException e) {
                // The plate, the certificate (TSA, OCSP) or the database failed: not a refusal; try again later.
                logger.warn("Registration decision of {} will be tried again: {}", id, e.getMessage(), e);
                transaction.executeWithoutResult(status -> cases.retryLater(id, Optional.empty(), clock.instant()));
            }
        }
        return due.size();
    }

    /** An officer who holds the case registers the vehicle; the same checks apply as to the automatic decision. */
    public ApplicationRecord register(SignedInPerson officer, String number) {
        ApplicationRecord record = heldBy(officer, number);
        Outcome outcome;
        try {
            outcome = decide(record.id(), Optional.of(officer));
        } catch (kz.tirkeu.registry.register.AlreadyRegistered e) {
            throw new CannotRegister(Refusal.VEHICLE_ALREADY_REGISTERED, e.getMessage());
        } catch (kz.tirkeu.pki.document.DocumentNotIssuedException e) {
            throw new CannotServe("CERTIFICATE_NOT_SIGNED", CannotServe.Reason.UNAVAILABLE,
                    "The registration certificate could not be signed now (the time-stamp or revocation service did not answer). Try again in a few minutes.");
        }
        return switch (outcome) {
            case Outcome.Decided decided -> applications.find(record.id()).orElseThrow();
            case Outcome.Refuses refuses -> throw new CannotRegister(refuses.refusal(), refuses.found());
            case Outcome.Waits waits -> throw new CannotServe("STATE_SYSTEM_UNAVAILABLE", CannotServe.Reason.UNAVAILABLE,
                    "The decision needs an answer that has not come: " + waits.why() + " Try again in a few minutes.", waits.why());
            case Outcome.NotOurs notOurs -> throw new ApplicationRefused("CASE_NOT_HELD", CannotServe.Reason.CONFLICT, notOurs.why(), record.number())
                    .situation(notOurs.situation());
        };
    }

    /** An officer who holds the case refuses it, with a reason the applicants are told. */
    public ApplicationRecord refuse(SignedInPerson officer, String number, String reason) {
        String why = PoliceWork.reason(reason);
        ApplicationRecord current = heldBy(officer, number);
        return transaction.execute(status -> {
            ApplicationRecord record = applications.lock(current.id()).orElseThrow();
            requireUndecidedAndHeld(record, officer.iin().value());
            Instant now = clock.instant();
            log.append(record.id(), now, Action.Actor.POLICE_OFFICER, officer.iin().value(), Step.S19, ApplicationStatus.REFUSED,
                    Act.OfficerRefused.because(why), null);
            cases.close(record.id(), now);
            // The automatic decision may have signed a certificate before the officer took the case over.
            certificates.annulFor(record.number(), "The registration was refused: " + why);
            outcomes.tellRefused(record, refusalTexts.forNoticeByOfficer("reason", why));
            return applications.find(record.id()).orElseThrow();
        });
    }

    private ApplicationRecord heldBy(SignedInPerson officer, String number) {
        ApplicationRecord record = applications.find(number).orElseThrow(ApplicationProcess::notFound);
        Optional<PoliceCase> pending = cases.of(record.id()).filter(PoliceCase::open).filter(c -> c.kind() == PoliceCase.Kind.DECISION);
        if (pending.isEmpty()) {
            // Its status is told only to an officer of its region: to anyone else it is as unknown as a number never issued,
            // or sequential numbers would tell them which applications exist and how they stand.
            boolean ofTheirRegion = applications.regionOfChoice(record.id()).map(r -> officer.scopesOf(Role.POLICE_OFFICER).contains(r)).orElse(false);
            throw ofTheirRegion ? new ApplicationRefused("NO_DECISION_PENDING", CannotServe.Reason.CONFLICT,
                    "Application " + number + " awaits no registration decision; it is " + record.status() + ".", number, ApplicationRefused.status(record))
                    : ApplicationProcess.notFound();
        }
        PoliceCase policeCase = pending.get();
        PoliceWork.requireRegion(officer, policeCase);
        conflicts.requireNotParty(officer, record.id());
        if (!policeCase.officerIin().equals(Optional.of(officer.iin().value()))) {
            throw new ApplicationRefused("CASE_NOT_HELD", CannotServe.Reason.CONFLICT,
                    "Take the case over first (POST …/assignment); " + policeCase.officerIin().map(o -> "another officer holds it.").orElse("nobody holds it."))
                    .situation(policeCase.officerIin().isPresent() ? "heldByAnother" : "heldByNobody");
        }
        return record;
    }

    private void requireUndecidedAndHeld(ApplicationRecord record, String officerIin) {
        if (!UNDECIDED.contains(record.status())) {
            throw new ApplicationRefused("ALREADY_DECIDED", CannotServe.Reason.CONFLICT, "Application " + record.number() + " is already " + record.status() + ".", record.number(),
                    ApplicationRefused.status(record));
        }
        Optional<PoliceCase> policeCase = cases.of(record.id()).filter(PoliceCase::open);
        if (policeCase.isEmpty() || !policeCase.get().officerIin().equals(Optional.ofNullable(officerIin))) {
            throw new ApplicationRefused("CASE_NOT_HELD", CannotServe.Reason.CONFLICT, "The case is not yours to decide now.").situation("notYours");
        }
    }

    private sealed interface Outcome {
        record Decided() implements Outcome {}

        record Refuses(Refusal refusal, String found) implements Outcome {}

        record Waits(String why) implements Outcome {}

        /** @param situation which text tells it ({@code api.problem.CASE_NOT_HELD.<situation>}) */
        record NotOurs(String why, String situation) implements Outcome {}
    }

    private Outcome decide(UUID id, Optional<SignedInPerson> officer) {
        ApplicationRecord record = applications.find(id).orElseThrow();
        Optional<PoliceCase> policeCase = cases.of(id).filter(PoliceCase::open);
        if (!UNDECIDED.contains(record.status()) || policeCase.isEmpty() || policeCase.get().kind() != PoliceCase.Kind.DECISION) {
            if (policeCase.isPresent() && policeCase.get().kind() == PoliceCase.Kind.DECISION) {
                transaction.executeWithoutResult(status -> cases.close(id, clock.instant())); // decided elsewhere: nothing left to claim
            }
            return new Outcome.NotOurs("Application " + record.number() + " awaits no registration decision.", "noDecision");
        }
        if (officer.isEmpty() && policeCase.get().officerIin().isPresent()) {
            cases.unclaim(id);
            return new Outcome.NotOurs("An officer took the case over.", "takenOver");
        }
        Submission submission = Submission.of(db, payments, id);
        DecisionEvidence.Findings found = evidence.gather(record, submission);
        Set<Refusal> waived = reviews.waived(id);
        Optional<CheckResult.Refused> refusal = found.findings().stream().filter(f -> Acts.refuses(f, waived)).map(CheckResult.Refused.class::cast)
                .findFirst();
        Optional<CheckResult.Waiting> waiting = found.findings().stream().filter(CheckResult.Waiting.class::isInstance).map(CheckResult.Waiting.class::cast)
                .findFirst();
        if (refusal.isPresent()) {
            if (officer.isPresent()) {
                return new Outcome.Refuses(refusal.get().refusal(), refusal.get().found());
            }
            outcomes.refused(record, found.findings(), waived, refusal.get());
            return new Outcome.Decided();
        }
        if (waiting.isPresent()) {
            if (officer.isEmpty()) {
                outcomes.waiting(record, found.findings(), waived);
            }
            return new Outcome.Waits(waiting.get().why());
        }
        return entry.enter(record, submission, found, waived, officer) ? new Outcome.Decided()
                : new Outcome.NotOurs("The case changed hands while it was being decided.", "changedHands");
    }
}
