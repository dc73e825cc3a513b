package kz.tirkeu.application;

import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
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
import kz.tirkeu.statesystems.Individuals;
import kz.tirkeu.statesystems.VehiclePassports;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Registering, once the decision passed: the plate is allocated and the certificate issued first (each idempotent per
 * application; network calls, outside any transaction), then in one transaction the register is entered, the decision
 * logged, the case closed, the documents handed to production and both parties told.
 */
@Component
class RegisterEntry {

    private final Applications applications;
    private final ActionLog log;
    private final PoliceCases cases;
    private final PlateAllocator plates;
    private final CertificateIssuer certificates;
    private final VehicleRegister register;
    private final CollectionOrders collection;
    private final NotificationPoint notifications;
    private final DecisionOutcomes outcomes;
    private final TransactionTemplate transaction;
    private final Clock clock;
    private final String issuingUnit;

    RegisterEntry(Applications applications, ActionLog log, PoliceCases cases, PlateAllocator plates, CertificateIssuer certificates,
                  VehicleRegister register, CollectionOrders collection, NotificationPoint notifications, DecisionOutcomes outcomes,
                  TransactionTemplate transaction, Clock clock, RegistrationProperties properties) {
        this.applications = applications;
        this.log = log;
        this.cases = cases;
        this.plates = plates;
        this.certificates = certificates;
        this.register = register;
        this.collection = collection;
        this.notifications = notifications;
        this.outcomes = outcomes;
        this.transaction = transaction;
        this.clock = clock;
        this.issuingUnit = properties.issuingUnit();
    }

    /** @return false when an officer took the case over meanwhile, or another server decided it: nothing was entered */
    boolean enter(ApplicationRecord record, Submission submission, DecisionEvidence.Findings found, Set<Refusal> waived, Optional<SignedInPerson> officer) {
        VehiclePassports.VehiclePassport vehicle = found.vehicle().orElseThrow();
        Individuals.Individual owner = found.owner().orElseThrow();
        Plate plate = plates.allocate(submission.region(), record.number());
        IssuedCertificate certificate = certificates.issue(new CertificateRequest(record.number(), plate.number(), submission.region(), vehicle, owner,
                issuingUnit.formatted(submission.region()), clock.instant()));
        String actor = officer.map(o -> o.iin().value()).orElse(null);
        return Boolean.TRUE.equals(transaction.execute(status -> {
            ApplicationRecord locked = applications.lock(record.id()).orElseThrow();
            Optional<PoliceCase> now = cases.of(record.id()).filter(PoliceCase::open);
            if (!RegistrationDecision.UNDECIDED.contains(locked.status()) || now.isEmpty() || !now.get().officerIin().equals(Optional.ofNullable(actor))) {
                return false;
            }
            Instant at = clock.instant();
            register.register(new VehicleRegistration(record.vin().value(), owner.iin(), owner.fullName(), vehicle, plate.number(), submission.region(),
                    certificate.seriesAndNumber(), record.number(), at, actor == null ? "PLATFORM" : actor));
            outcomes.appendFindings(locked, found.findings(), waived, at, locked.status());
            log.append(record.id(), at, officer.isPresent() ? Action.Actor.POLICE_OFFICER : Action.Actor.PLATFORM, actor, Step.S19, ApplicationStatus.REGISTERED,
                    new Act.Registered(plate.number(), submission.region(), certificate.seriesAndNumber(), certificate.verificationUrl().toString(),
                            submission.pscCode(), officer.isEmpty(), ProcessDefinition.VERSION), null);
            cases.close(record.id(), at);
            collection.expect(new CollectionOrder(record.number(), record.buyerIin(), owner.fullName(), record.vin().value(), submission.pscCode(),
                    plate.number(), submission.plateType(), certificate.seriesAndNumber()));
            Map<String, String> parameters = Map.of("applicationNumber", record.number(), "plate", plate.number(), "certificate", certificate.seriesAndNumber());
            notifications.notify(new NoticeRequest(record.buyerIin(), "application.registered", parameters, record.number()));
            notifications.notify(new NoticeRequest(record.sellerIin(), "application.registered", parameters, record.number()));
            return true;
        }));
    }
}
