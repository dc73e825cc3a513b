package kz.tirkeu.application;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import kz.tirkeu.identity.Role;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import kz.tirkeu.application.checks.CheckResult;
import kz.tirkeu.application.checks.Checks;
import kz.tirkeu.identity.SignedInPerson;
import kz.tirkeu.issuance.CollectionOrder;
import kz.tirkeu.issuance.CollectionOrders;
import kz.tirkeu.notification.NoticeRequest;
import kz.tirkeu.notification.NotificationPoint;
import kz.tirkeu.registry.certificate.CertificateIssuer;
import kz.tirkeu.registry.certificate.CertificateRequest;
import kz.tirkeu.registry.certificate.IssuedCertificate;
import kz.tirkeu.registry.plates.Plate;
import kz.tirkeu.registry.plates.PlateAllocator;
import kz.tirkeu.registry.register.VehicleRegister;
import kz.tirkeu.registry.register.VehicleRegistration;
import kz.tirkeu.statesystems.Answer;
import kz.tirkeu.statesystems.Individuals;
import kz.tirkeu.statesystems.PaymentGateway;
import kz.tirkeu.statesystems.VehiclePassports;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
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
    private static final Set<ApplicationStatus> UNDECIDED = EnumSet.of(ApplicationStatus.SUBMITTED, ApplicationStatus.WAITING_FOR_STATE_SYSTEM);

    private final Applications applications;
    private final ActionLog log;
    private final PoliceCases cases;
    private final Reviews reviews;
    private final Checks checks;
    private final VehiclePassports passports;
    private final Individuals individuals;
    private final PaymentGateway payments;
    private final StatementSignatures signatures;
    private final PlateAllocator plates;
    private final CertificateIssuer certificates;
    private final VehicleRegister register;
    private final CollectionOrders collection;
    private final NotificationPoint notifications;
    private final RegimeOfApplication regimeOf;
    private final JdbcClient db;
    private final TransactionTemplate transaction;
    private final Clock clock;
    private final Duration decisionDelay;
    private final String issuingUnit;
    private final ConflictOfInterest conflicts;
    private final RefusalTexts refusalTexts;

    RegistrationDecision(Applications applications, ActionLog log, PoliceCases cases, Reviews reviews, Checks checks, VehiclePassports passports,
                         Individuals individuals, PaymentGateway payments, StatementSignatures signatures, PlateAllocator plates,
                         CertificateIssuer certificates, VehicleRegister register, CollectionOrders collection, NotificationPoint notifications,
                         RegimeOfApplication regimeOf, JdbcClient db, TransactionTemplate transaction, Clock clock,
                         RegistrationProperties properties,
                         ConflictOfInterest conflicts,
                         RefusalTexts refusalTexts) {
        this.applications = applications;
        this.log = log;
        this.cases = cases;
        this.reviews = reviews;
        this.checks = checks;
        this.passports = passports;
        this.individuals = individuals;
        this.payments = payments;
        this.signatures = signatures;
        this.plates = plates;
        this.certificates = certificates;
        this.register = register;
        this.collection = collection;
        this.notifications = notifications;
        this.regimeOf = regimeOf;
        this.db = db;
        this.transaction = transaction;
        this.clock = clock;
        this.decisionDelay = properties.decisionDelay();
        this.issuingUnit = properties.issuingUnit();
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
            throw new ApplicationRefused("CERTIFICATE_NOT_SIGNED", HttpStatus.SERVICE_UNAVAILABLE,
                    "The registration certificate could not be signed now (the time-stamp or revocation service did not answer). Try again in a few minutes.");
        }
        return switch (outcome) {
            case Outcome.Decided decided -> applications.find(record.id()).orElseThrow();
            case Outcome.Refuses refuses -> throw new CannotRegister(refuses.refusal(), refuses.found());
            case Outcome.Waits waits -> throw new ApplicationRefused("STATE_SYSTEM_UNAVAILABLE", HttpStatus.SERVICE_UNAVAILABLE,
                    "The decision needs an answer that has not come: " + waits.why() + " Try again in a few minutes.", waits.why());
            case Outcome.NotOurs notOurs -> throw new ApplicationRefused("CASE_NOT_HELD", HttpStatus.CONFLICT, notOurs.why(), record.number())
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
            tellRefused(record, refusalTexts.forNoticeByOfficer("reason", why));
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
            throw ofTheirRegion ? new ApplicationRefused("NO_DECISION_PENDING", HttpStatus.CONFLICT,
                    "Application " + number + " awaits no registration decision; it is " + record.status() + ".", number, ApplicationRefused.status(record))
                    : ApplicationProcess.notFound();
        }
        PoliceCase policeCase = pending.get();
        PoliceWork.requireRegion(officer, policeCase);
        conflicts.requireNotParty(officer, record.id());
        if (!policeCase.officerIin().equals(Optional.of(officer.iin().value()))) {
            throw new ApplicationRefused("CASE_NOT_HELD", HttpStatus.CONFLICT,
                    "Take the case over first (POST …/assignment); " + policeCase.officerIin().map(o -> "another officer holds it.").orElse("nobody holds it."))
                    .situation(policeCase.officerIin().isPresent() ? "heldByAnother" : "heldByNobody");
        }
        return record;
    }

    private void requireUndecidedAndHeld(ApplicationRecord record, String officerIin) {
        if (!UNDECIDED.contains(record.status())) {
            throw new ApplicationRefused("ALREADY_DECIDED", HttpStatus.CONFLICT, "Application " + record.number() + " is already " + record.status() + ".", record.number(),
                    ApplicationRefused.status(record));
        }
        Optional<PoliceCase> policeCase = cases.of(record.id()).filter(PoliceCase::open);
        if (policeCase.isEmpty() || !policeCase.get().officerIin().equals(Optional.ofNullable(officerIin))) {
            throw new ApplicationRefused("CASE_NOT_HELD", HttpStatus.CONFLICT, "The case is not yours to decide now.").situation("notYours");
        }
    }

    private sealed interface Outcome {
        record Decided() implements Outcome {}

        record Refuses(Refusal refusal, String found) implements Outcome {}

        record Waits(String why) implements Outcome {}

        /** @param situation which text tells it ({@code api.problem.CASE_NOT_HELD.<situation>}) */
        record NotOurs(String why, String situation) implements Outcome {}
    }

    /** What the decision found, check by check; the facts the certificate and the register need come with it. */
    private record Findings(List<CheckResult> findings, Optional<VehiclePassports.VehiclePassport> vehicle, Optional<Individuals.Individual> owner) {}

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
        Submission submission = Submission.of(db, id);
        Findings found = gather(record, submission);
        Set<Refusal> waived = reviews.waived(id);
        Optional<CheckResult.Refused> refusal = found.findings().stream().filter(f -> Acts.refuses(f, waived)).map(CheckResult.Refused.class::cast)
                .findFirst();
        Optional<CheckResult.Waiting> waiting = found.findings().stream().filter(CheckResult.Waiting.class::isInstance).map(CheckResult.Waiting.class::cast)
                .findFirst();
        String actor = officer.map(o -> o.iin().value()).orElse(null);
        if (refusal.isPresent()) {
            if (officer.isPresent()) {
                return new Outcome.Refuses(refusal.get().refusal(), refusal.get().found());
            }
            recordRefusal(record, found.findings(), waived, refusal.get());
            return new Outcome.Decided();
        }
        if (waiting.isPresent()) {
            if (officer.isEmpty()) {
                recordWaiting(record, found.findings(), waived);
            }
            return new Outcome.Waits(waiting.get().why());
        }
        VehiclePassports.VehiclePassport vehicle = found.vehicle().orElseThrow();
        Individuals.Individual owner = found.owner().orElseThrow();
        Plate plate = plates.allocate(submission.region(), record.number());
        IssuedCertificate certificate = certificates.issue(new CertificateRequest(record.number(), plate.number(), submission.region(), vehicle, owner,
                issuingUnit.formatted(submission.region()), clock.instant()));
        Boolean registered = transaction.execute(status -> {
            ApplicationRecord locked = applications.lock(id).orElseThrow();
            Optional<PoliceCase> now = cases.of(id).filter(PoliceCase::open);
            if (!UNDECIDED.contains(locked.status()) || now.isEmpty() || !now.get().officerIin().equals(Optional.ofNullable(actor))) {
                return false; // an officer took it over meanwhile, or another server decided it
            }
            Instant at = clock.instant();
            register.register(new VehicleRegistration(record.vin().value(), owner.iin(), owner.fullName(), vehicle, plate.number(), submission.region(),
                    certificate.seriesAndNumber(), record.number(), at, officer.map(o -> o.iin().value()).orElse("PLATFORM")));
            appendFindings(locked, found.findings(), waived, at, locked.status());
            log.append(id, at, officer.isPresent() ? Action.Actor.POLICE_OFFICER : Action.Actor.PLATFORM, actor, Step.S19, ApplicationStatus.REGISTERED,
                    new Act.Registered(plate.number(), submission.region(), certificate.seriesAndNumber(), certificate.verificationUrl().toString(),
                            submission.pscCode(), officer.isEmpty(), ProcessDefinition.VERSION), null);
            cases.close(id, at);
            collection.expect(new CollectionOrder(record.number(), record.buyerIin(), owner.fullName(), record.vin().value(), submission.pscCode(),
                    plate.number(), submission.plateType(), certificate.seriesAndNumber()));
            Map<String, String> parameters = Map.of("applicationNumber", record.number(), "plate", plate.number(),
                    "certificate", certificate.seriesAndNumber());
            notifications.notify(new NoticeRequest(record.buyerIin(), "application.registered", parameters, record.number()));
            notifications.notify(new NoticeRequest(record.sellerIin(), "application.registered", parameters, record.number()));
            return true;
        });
        return Boolean.TRUE.equals(registered) ? new Outcome.Decided() : new Outcome.NotOurs("The case changed hands while it was being decided.", "changedHands");
    }

    /** Everything the decision rests on, asked at once: independent systems in parallel on virtual threads. */
    private Findings gather(ApplicationRecord record, Submission submission) {
        try (ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
            Future<Answer<VehiclePassports.VehiclePassport>> passport = threads.submit(() -> passports.find(record.vin()));
            Future<Answer<Individuals.Individual>> person = threads.submit(() -> individuals.find(record.buyerIin()));
            Future<CheckResult> contract = threads.submit(() -> checks.contract(record.vin(), record.sellerBin(), record.buyerIin(), true));
            Future<CheckResult> fines = threads.submit(() -> checks.fines(record.buyerIin()));
            Future<CheckResult> payment = threads.submit(() -> payment(submission));
            Future<CheckResult> sellerSignature = threads.submit(() -> signatures.seller(record, submission));
            Future<CheckResult> buyerSignature = threads.submit(() -> signatures.buyer(record, submission));
            boolean inRegister = register.holds(record.vin().value());
            Answer<VehiclePassports.VehiclePassport> passportAnswer = get(passport);
            Answer<Individuals.Individual> personAnswer = get(person);
            List<CheckResult> findings = new ArrayList<>();
            findings.add(checks.buyer(record.buyerIin(), true, personAnswer));
            findings.add(checks.passport(record.vin(), true, regimeOf.eligibleOrigins(record), passportAnswer));
            findings.add(get(contract));
            findings.add(get(fines));
            findings.add(get(payment));
            findings.add(get(sellerSignature));
            findings.add(get(buyerSignature));
            findings.add(inRegister
                    ? CheckResult.refusedAtDecision("register", Refusal.VEHICLE_ALREADY_REGISTERED, "VIN " + record.vin() + " is in the register", null, Map.of())
                    : CheckResult.passedAtDecision("register", "VIN " + record.vin() + " is not in the register", null, Map.of()));
            findings.add(regimeOf.stopsRegistration(record, clock.instant())
                    .map(outside -> CheckResult.refusedAtDecision("regime", Refusal.REGIME_NO_LONGER_IN_FORCE, outside.text().en(), null, Map.of()))
                    .orElseGet(() -> CheckResult.passedAtDecision("regime", record.regime().map(r -> "regime " + r.code() + " v" + r.version()
                            + ": applications started under it may be registered").orElse("started before regimes were kept"), null, Map.of())));
            findings.sort(Comparator.comparing(CheckResult::step));
            return new Findings(findings,
                    passportAnswer instanceof Answer.Found<VehiclePassports.VehiclePassport> found ? Optional.of(found.value()) : Optional.empty(),
                    personAnswer instanceof Answer.Found<Individuals.Individual> found ? Optional.of(found.value()) : Optional.empty());
        }
    }

    /** The gateway is asked again: a payment reversed after its callback must not be registered. */
    private CheckResult payment(Submission submission) {
        if (submission.invoiceId().isEmpty()) {
            return CheckResult.refusedAtDecision("payment", Refusal.PAYMENT_NOT_CONFIRMED, "no paid invoice is recorded", null, Map.of());
        }
        return switch (payments.invoice(submission.invoiceId().get())) {
            case Answer.Found<PaymentGateway.Invoice> found when "PAID".equals(found.value().status())
                    && found.value().amountKzt() == submission.amountKzt() ->
                    CheckResult.passedAtDecision("payment", "invoice " + found.value().invoiceId() + " paid, " + found.value().amountKzt() + " KZT",
                            found.evidence(), Map.of());
            case Answer.Found<PaymentGateway.Invoice> found -> CheckResult.refusedAtDecision("payment", Refusal.PAYMENT_NOT_CONFIRMED,
                    "invoice " + found.value().invoiceId() + " is " + found.value().status() + ", " + found.value().amountKzt() + " KZT", found.evidence(), Map.of());
            case Answer.NotFound<PaymentGateway.Invoice> none -> CheckResult.refusedAtDecision("payment", Refusal.PAYMENT_NOT_CONFIRMED,
                    "the gateway has no invoice " + submission.invoiceId().get(), none.evidence(), Map.of());
            case Answer.Unavailable<PaymentGateway.Invoice> down -> CheckResult.waitingAtDecision("payment", down.why(), down.retryAfter(), down.evidence(), Map.of());
        };
    }

    private void recordRefusal(ApplicationRecord record, List<CheckResult> findings, Set<Refusal> waived, CheckResult.Refused decisive) {
        transaction.executeWithoutResult(status -> {
            ApplicationRecord locked = applications.lock(record.id()).orElseThrow();
            Optional<PoliceCase> policeCase = cases.of(record.id()).filter(PoliceCase::open);
            if (!UNDECIDED.contains(locked.status()) || policeCase.isEmpty() || policeCase.get().officerIin().isPresent()) {
                return;
            }
            Instant at = clock.instant();
            appendFindings(locked, findings, waived, at, ApplicationStatus.REFUSED);
            cases.close(record.id(), at);
            tellRefused(locked, refusalTexts.forNotice("reason", decisive.refusal()));
        });
    }

    private void recordWaiting(ApplicationRecord record, List<CheckResult> findings, Set<Refusal> waived) {
        transaction.executeWithoutResult(status -> {
            ApplicationRecord locked = applications.lock(record.id()).orElseThrow();
            if (!UNDECIDED.contains(locked.status())) {
                return;
            }
            Instant at = clock.instant();
            appendFindings(locked, findings, waived, at, ApplicationStatus.WAITING_FOR_STATE_SYSTEM);
            cases.retryLater(record.id(), findings.stream().filter(CheckResult.Waiting.class::isInstance).map(CheckResult.Waiting.class::cast)
                    .flatMap(w -> w.retryAfter().stream()).max(Comparator.naturalOrder()), at);
        });
    }

    /** The decision's checks as one round (ProcessDefinition: a round's last entry carries its outcome). */
    private void appendFindings(ApplicationRecord record, List<CheckResult> findings, Set<Refusal> waived, Instant at, ApplicationStatus outcome) {
        log.appendRound(record.id(), at, Phase.DECISION, findings, waived, record.status(), outcome);
    }

    /** @param reason the refusal in every language ({@code reason@kk}, {@code reason@ru}, {@code reason@en}) */
    private void tellRefused(ApplicationRecord record, Map<String, String> reason) {
        Map<String, String> parameters = new LinkedHashMap<>(reason);
        parameters.put("applicationNumber", record.number());
        parameters.put("step", Step.S19.name());
        notifications.notify(new NoticeRequest(record.sellerIin(), "application.refused", parameters, record.number()));
        notifications.notify(new NoticeRequest(record.buyerIin(), "application.refused", parameters, record.number()));
    }

    private static <T> T get(Future<T> future) {
        try {
            return future.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while deciding", e);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException runtime ? runtime : new IllegalStateException(e.getCause());
        }
    }
}
