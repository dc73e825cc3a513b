package kz.tirkeu.application;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Future;
import kz.tirkeu.application.checks.CheckResult;
import kz.tirkeu.application.checks.Checks;
import kz.tirkeu.payment.Payments;
import kz.tirkeu.registry.register.VehicleRegister;
import kz.tirkeu.statesystems.Answer;
import kz.tirkeu.statesystems.Individuals;
import kz.tirkeu.statesystems.PaymentGateway;
import kz.tirkeu.statesystems.VehiclePassports;
import org.springframework.stereotype.Component;

/**
 * What the registration decision (S19) rests on, read afresh: ГБД ФЛ, ЭПТС, the contract and ЕРАП once more (S11–S14),
 * the payment as the gateway has it now, both signatures, the register and the regime — independent systems asked at
 * once. It only asks; what follows from the answers is {@link RegistrationDecision}'s.
 */
@Component
class DecisionEvidence {

    /** What the decision found, check by check; the facts the certificate and the register need come with it. */
    record Findings(List<CheckResult> findings, Optional<VehiclePassports.VehiclePassport> vehicle, Optional<Individuals.Individual> owner) {}

    private final Checks checks;
    private final VehiclePassports passports;
    private final Individuals individuals;
    private final Payments payments;
    private final StatementSignatures signatures;
    private final VehicleRegister register;
    private final RegimeOfApplication regimeOf;
    private final Clock clock;

    DecisionEvidence(Checks checks, VehiclePassports passports, Individuals individuals, Payments payments, StatementSignatures signatures,
                     VehicleRegister register, RegimeOfApplication regimeOf, Clock clock) {
        this.checks = checks;
        this.passports = passports;
        this.individuals = individuals;
        this.payments = payments;
        this.signatures = signatures;
        this.register = register;
        this.regimeOf = regimeOf;
        this.clock = clock;
    }

    Findings gather(ApplicationRecord record, Submission submission) {
        try (Parallel parallel = new Parallel()) {
            Future<Answer<VehiclePassports.VehiclePassport>> passport = parallel.start(() -> passports.find(record.vin()));
            Future<Answer<Individuals.Individual>> person = parallel.start(() -> individuals.find(record.buyerIin()));
            Future<CheckResult> contract = parallel.start(() -> checks.contract(record.vin(), record.sellerBin(), record.buyerIin(), true));
            Future<CheckResult> fines = parallel.start(() -> checks.fines(record.buyerIin()));
            Future<CheckResult> payment = parallel.start(() -> payment(submission));
            Future<CheckResult> sellerSignature = parallel.start(() -> signatures.seller(record, submission));
            Future<CheckResult> buyerSignature = parallel.start(() -> signatures.buyer(record, submission));
            boolean inRegister = register.holds(record.vin().value());
            Answer<VehiclePassports.VehiclePassport> passportAnswer = Parallel.result(passport);
            Answer<Individuals.Individual> personAnswer = Parallel.result(person);
            List<CheckResult> findings = new ArrayList<>();
            findings.add(checks.buyer(record.buyerIin(), true, personAnswer));
            findings.add(checks.passport(record.vin(), true, regimeOf.eligibleOrigins(record), passportAnswer));
            findings.add(Parallel.result(contract));
            findings.add(Parallel.result(fines));
            findings.add(Parallel.result(payment));
            findings.add(Parallel.result(sellerSignature));
            findings.add(Parallel.result(buyerSignature));
            findings.add(inRegister
                    ? CheckResult.refusedAtDecision("register", Refusal.VEHICLE_ALREADY_REGISTERED, "VIN " + record.vin() + " is in the register", null, Map.of())
                    : CheckResult.passedAtDecision("register", "VIN " + record.vin() + " is not in the register", null, Map.of()));
            findings.add(regime(record));
            findings.sort(Comparator.comparing(CheckResult::step));
            return new Findings(findings,
                    passportAnswer instanceof Answer.Found<VehiclePassports.VehiclePassport> found ? Optional.of(found.value()) : Optional.empty(),
                    personAnswer instanceof Answer.Found<Individuals.Individual> found ? Optional.of(found.value()) : Optional.empty());
        }
    }

    /** An application started under a regime may be registered only while the regime lets it (Digital Code ch. 8). */
    private CheckResult regime(ApplicationRecord record) {
        return regimeOf.stopsRegistration(record, clock.instant())
                .map(outside -> CheckResult.refusedAtDecision("regime", Refusal.REGIME_NO_LONGER_IN_FORCE, outside.text().en(), null, Map.of()))
                .orElseGet(() -> CheckResult.passedAtDecision("regime", record.regime().map(r -> "regime " + r.code() + " v" + r.version()
                        + ": applications started under it may be registered").orElse("started before regimes were kept"), null, Map.of()));
    }

    /** The gateway is asked again: a payment reversed after its callback must not be registered. */
    private CheckResult payment(Submission submission) {
        if (submission.invoiceId().isEmpty()) {
            return CheckResult.refusedAtDecision("payment", Refusal.PAYMENT_NOT_CONFIRMED, "no paid invoice is recorded", null, Map.of());
        }
        return switch (payments.asTheGatewayHasIt(submission.invoiceId().get())) {
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
}
