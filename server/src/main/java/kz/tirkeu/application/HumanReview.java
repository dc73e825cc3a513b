package kz.tirkeu.application;

import kz.tirkeu.platform.CannotServe;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import kz.tirkeu.identity.Role;
import kz.tirkeu.identity.SignedInPerson;
import kz.tirkeu.notification.NoticeRequest;
import kz.tirkeu.notification.NotificationPoint;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Human review of automated refusals (Digital Code Art. 39): the seller or the buyer asks, with a
 * comment; an officer of the region looks at the evidence and upholds the refusal, with a reason, or
 * overturns it — then the application resumes from the refused step, where that refusal no longer
 * applies. Every step of it is in the application's log; the applicant sees the deadline.
 */
@Service
public class HumanReview {

    static final int MAX_COMMENT = 2000;

    private final Applications applications;
    private final ActionLog log;
    private final PoliceCases cases;
    private final Reviews reviews;
    private final ApplicationProcess process;
    private final RegistrationDecision decision;
    private final NotificationPoint notifications;
    private final TransactionTemplate transaction;
    private final Clock clock;
    private final Duration deadline;
    private final ConflictOfInterest conflicts;
    /** Four eyes everywhere (configuration); a regime may also ask for it in its special rules. */
    private final boolean fourEyes;
    private final RegimeOfApplication regimeOf;

    HumanReview(Applications applications, ActionLog log, PoliceCases cases, Reviews reviews, ApplicationProcess process, RegistrationDecision decision,
                NotificationPoint notifications, TransactionTemplate transaction, Clock clock,
                ReviewProperties properties, ConflictOfInterest conflicts,
                RegimeOfApplication regimeOf) {
        this.conflicts = conflicts;
        this.fourEyes = properties.fourEyes();
        this.regimeOf = regimeOf;
        this.applications = applications;
        this.log = log;
        this.cases = cases;
        this.reviews = reviews;
        this.process = process;
        this.decision = decision;
        this.notifications = notifications;
        this.transaction = transaction;
        this.clock = clock;
        this.deadline = properties.deadline();
    }

    /** The seller (for its organisation) or the buyer asks for review of the automated refusal their application stands on. */
    public Review request(SignedInPerson person, String number, String comment) {
        String text = comment == null ? "" : comment.strip();
        if (text.isEmpty() || text.length() > MAX_COMMENT) {
            throw new ApplicationRefused("COMMENT_REQUIRED", CannotServe.Reason.INVALID,
                    "Say in up to " + MAX_COMMENT + " characters why the refusal is wrong; the officer reads it with the evidence.", String.valueOf(MAX_COMMENT));
        }
        try {
            return transaction.execute(status -> {
                ApplicationRecord record = applications.lock(number).orElseThrow(ApplicationProcess::notFound);
                Action.Actor as = requester(person, record);
                if (record.status() != ApplicationStatus.REFUSED) {
                    throw new ApplicationRefused(record.status() == ApplicationStatus.UNDER_REVIEW ? "REVIEW_PENDING" : "NOT_REFUSED", CannotServe.Reason.CONFLICT,
                            record.status() == ApplicationStatus.UNDER_REVIEW ? "A review of this refusal is already under way."
                                    : "Only a refused application can be reviewed; this one is " + record.status() + ".", ApplicationRefused.status(record));
                }
                List<Action> actions = log.of(record.id());
                Action refusal = DecisiveRefusal.of(actions).orElseThrow();
                if (!DecisiveRefusal.automated(refusal)) {
                    throw new ApplicationRefused("NOT_AUTOMATED", CannotServe.Reason.CONFLICT,
                            "This refusal was decided by a police officer, not automatically; Article 39 review is for automated decisions. "
                                    + "It can be appealed to the police department or in court.");
                }
                if (DecisiveRefusal.automatedCode(refusal).map(Refusal::regimeRule).orElse(false)) {
                    throw new ApplicationRefused("REGIME_RULE_NOT_REVIEWABLE", CannotServe.Reason.CONFLICT,
                            "This refusal is a limit of the experimental legal regime the application runs under (its territory, the vehicles it covers, "
                                    + "its end), set by the regime's act, not a decision about you: no officer can widen the regime, so Article 39 review "
                                    + "does not apply. Complaints go to the regime's authorised body (see /regimes).");
                }
                if (reviews.alreadyReviewed(record.id(), DecisiveRefusal.codeOf(refusal), refusal.at())) {
                    throw new ApplicationRefused("ALREADY_REVIEWED", CannotServe.Reason.CONFLICT,
                            "An officer has already reviewed this refusal and upheld it. It can be appealed to the police department or in court.");
                }
                Instant now = clock.instant();
                Instant due = now.plus(deadline);
                Phase phase = DecisiveRefusal.phaseOf(refusal);
                UUID id = reviews.create(record.id(), refusal, phase, person.iin().value(), as, text, now, due);
                log.append(record.id(), now, as, person.iin().value(), refusal.step().orElseThrow(), ApplicationStatus.UNDER_REVIEW,
                        new Act.ReviewRequested(id, DecisiveRefusal.codeOf(refusal), text, due), null);
                cases.open(record.id(), PoliceCase.Kind.REVIEW, region(record.id(), actions).orElse(null), now, now, due);
                Map<String, String> parameters = Map.of("applicationNumber", record.number(), "deadline", due.toString());
                notifications.notify(new NoticeRequest(record.sellerIin(), "application.review-requested", parameters, record.number()));
                if (applications.sellerHasSigned(record.id())) {
                    notifications.notify(new NoticeRequest(record.buyerIin(), "application.review-requested", parameters, record.number()));
                }
                return reviews.open(record.id()).orElseThrow();
            });
        } catch (DuplicateKeyException e) {
            // UNDER_REVIEW makes the application open again; the database refuses two open applications for one VIN.
            throw new ApplicationRefused("VIN_HAS_OPEN_APPLICATION", CannotServe.Reason.CONFLICT,
                    "Another application for this vehicle is open now, so this one cannot be reopened for review.").situation("review");
        }
    }

    /** An officer of the region upholds (with a reason) or overturns the refusal. Taking the case over is implied when nobody holds it. */
    public ApplicationRecord decide(SignedInPerson officer, String number, boolean overturn, String reason) {
        String why = PoliceWork.reason(reason);
        java.util.concurrent.atomic.AtomicBoolean onlyProposed = new java.util.concurrent.atomic.AtomicBoolean();
        Phase resume = transaction.execute(status -> {
            ApplicationRecord record = applications.lock(number).orElseThrow(ApplicationProcess::notFound);
            PoliceCase policeCase = cases.of(record.id()).filter(c -> c.kind() == PoliceCase.Kind.REVIEW).orElseThrow(ApplicationProcess::notFound);
            PoliceWork.requireRegion(officer, policeCase);
            conflicts.requireNotParty(officer, record.id());
            Review review = reviews.open(record.id()).filter(r -> policeCase.open())
                    .orElseThrow(() -> new ApplicationRefused("NO_REVIEW_PENDING", CannotServe.Reason.CONFLICT, "No review of this application is pending."));
            Instant now = clock.instant();
            if (!cases.assign(record.id(), officer.iin().value(), now)) {
                throw new ApplicationRefused("CASE_HELD_BY_ANOTHER_OFFICER", CannotServe.Reason.CONFLICT, "Another officer has taken this review over.").situation("review");
            }
            if (overturn && !Refusal.valueOf(review.refusalCode()).overturnable()) {
                throw new ApplicationRefused("REFUSAL_NOT_OVERTURNABLE", CannotServe.Reason.CONFLICT,
                        "This refusal cannot be overturned: the register already holds the vehicle, and one VIN is registered once. "
                                + "Uphold it, or have the other registration cancelled first.");
            }
            if (overturn && (fourEyes || regimeOf.rules(record).specialRules().fourEyesReview())) {
                Optional<String> proposer = review.overturnProposedBy();
                if (proposer.isEmpty()) {
                    // The first officer's overturn waits for a second: the case is let go so that another officer can take it.
                    reviews.proposeOverturn(review.id(), why, officer.iin().value(), now);
                    cases.release(record.id(), officer.iin().value(), now);
                    log.append(record.id(), now, Action.Actor.POLICE_OFFICER, officer.iin().value(), Step.valueOf(review.refusedStep()), record.status(),
                            new Act.ReviewOverturnProposed(review.id(), why), null);
                    onlyProposed.set(true);
                    return null;
                }
                if (proposer.get().equals(officer.iin().value())) {
                    throw new ApplicationRefused("SECOND_OFFICER_NEEDED", CannotServe.Reason.CONFLICT,
                            "You proposed this overturn: a second officer of the region confirms it (four eyes), or anyone upholds the refusal.");
                }
            }
            Phase phase = Phase.valueOf(review.phase());
            reviews.decide(review.id(), overturn ? "OVERTURNED" : "UPHELD", why, officer.iin().value(), now);
            Step step = Step.valueOf(review.refusedStep());
            cases.close(record.id(), now);
            if (overturn) {
                log.append(record.id(), now, Action.Actor.POLICE_OFFICER, officer.iin().value(), step, phase.running,
                        new Act.ReviewOverturned(review.id(), review.refusalCode(), why), null);
                if (phase == Phase.DECISION) {
                    decision.submitted(record.id(), applications.regionOfChoice(record.id()).orElse(null), now);
                }
            } else {
                log.append(record.id(), now, Action.Actor.POLICE_OFFICER, officer.iin().value(), step, ApplicationStatus.REFUSED,
                        new Act.ReviewUpheld(review.id(), review.refusalCode(), why), null);
            }
            Map<String, String> parameters = Map.of("applicationNumber", record.number(), "reason", why);
            String template = overturn ? "application.review-overturned" : "application.review-upheld";
            notifications.notify(new NoticeRequest(record.sellerIin(), template, parameters, record.number()));
            if (applications.sellerHasSigned(record.id())) {
                notifications.notify(new NoticeRequest(record.buyerIin(), template, parameters, record.number()));
            }
            return overturn ? phase : null;
        });
        if (onlyProposed.get()) {
            return applications.find(number).orElseThrow();
        }
        if (resume == Phase.SELLER || resume == Phase.BUYER) {
            process.runPhase(applications.find(number).orElseThrow().id(), resume);
        }
        return applications.find(number).orElseThrow();
    }

    private Action.Actor requester(SignedInPerson person, ApplicationRecord record) {
        if (person.has(Role.SELLER) && person.bin().equals(Optional.of(record.sellerBin()))) {
            return Action.Actor.SELLER;
        }
        if (person.has(Role.BUYER) && person.iin().equals(record.buyerIin()) && applications.sellerHasSigned(record.id())) {
            return Action.Actor.BUYER;
        }
        throw ApplicationProcess.notFound();
    }

    /** The region whose police review it: the chosen PSC's, else the buyer's registered address (ГБД ФЛ), else any. */
    private Optional<String> region(UUID applicationId, List<Action> actions) {
        return applications.regionOfChoice(applicationId).or(() -> actions.reversed().stream()
                .filter(a -> a.step().orElse(null) == Step.S7 || a.step().orElse(null) == Step.S11)
                .flatMap(a -> a.evidence().stream()).map(e -> e.facts().get("regionCode")).filter(code -> code != null && code.matches("\\d{2}"))
                .findFirst());
    }
}
