package kz.tirkeu.application;

import kz.tirkeu.platform.CannotServe;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Future;
import java.util.function.Supplier;
import kz.tirkeu.application.checks.CheckResult;
import kz.tirkeu.application.checks.Checks;
import kz.tirkeu.identity.SignedInPerson;
import kz.tirkeu.notification.NoticeRequest;
import kz.tirkeu.notification.NotificationPoint;
import kz.tirkeu.pki.identity.Bin;
import kz.tirkeu.pki.identity.Iin;
import kz.tirkeu.regime.RegimeGate;
import kz.tirkeu.regime.RegimeParameters;
import kz.tirkeu.regime.RegimeRef;
import kz.tirkeu.regime.SpecialRules;
import kz.tirkeu.statesystems.Vin;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The pilot algorithm's steps S1–S14 as the platform runs them. Checks against the state systems run
 * outside any transaction, independent ones in parallel on virtual threads; their results are then
 * written to the action log in one short transaction holding the application's row lock. A state
 * system that does not answer puts the application in a visible waiting state with a durable retry;
 * it never refuses.
 */
@Service
public class ApplicationProcess {

    private final Applications applications;
    private final ActionLog log;
    private final Checks checks;
    private final RetryQueue retries;
    private final Reviews reviews;
    private final NotificationPoint notifications;
    private final TransactionTemplate transaction;
    private final RegimeGate regimes;
    private final RegimeOfApplication regimeOf;
    private final Clock clock;
    private final Duration buyerDeadline;
    private final RefusalTexts refusalTexts;

    ApplicationProcess(Applications applications, ActionLog log, Checks checks, RetryQueue retries, Reviews reviews, NotificationPoint notifications,
                       RegimeGate regimes, RegimeOfApplication regimeOf, TransactionTemplate transaction, Clock clock,
                       ApplicationProperties properties, RefusalTexts refusalTexts) {
        this.applications = applications;
        this.refusalTexts = refusalTexts;
        this.log = log;
        this.checks = checks;
        this.retries = retries;
        this.reviews = reviews;
        this.notifications = notifications;
        this.regimes = regimes;
        this.regimeOf = regimeOf;
        this.transaction = transaction;
        this.clock = clock;
        this.buyerDeadline = properties.buyerDeadline();
    }

    /**
     * S1–S2, S6: the seller starts, through a channel of the eGov portal or an informatization object; then S1, S3–S5, S7,
     * S8 run at once. Nothing starts outside the experimental legal regime in force: its term and status, its subjects and
     * its channels are checked first ({@link kz.tirkeu.regime.OutsideRegime}); its territory and the vehicles it covers at S1 and S3.
     */
    public ApplicationRecord start(SignedInPerson seller, Vin vin, Iin buyer, SpecialRules.Channel channel) {
        return start(seller, vin, buyer, channel, Optional.empty());
    }

    /**
     * After a refusal ("pay the fines and submit again"), a decline or an expiry, the seller starts again in one step: a
     * new application for the same VIN and buyer, all checks afresh, its log naming the one it follows (issue [11]).
     */
    public ApplicationRecord startAgain(SignedInPerson seller, String number, SpecialRules.Channel channel) {
        ApplicationRecord previous = ownedBySeller(seller, applications.find(number));
        if (!previous.status().closed()) {
            throw new ApplicationRefused("APPLICATION_STILL_OPEN", CannotServe.Reason.CONFLICT, "Application " + number + " is still open (" + previous.status()
                    + "); it can be started again once it is refused, declined or expired.", number, ApplicationRefused.status(previous));
        }
        return start(seller, previous.vin(), previous.buyerIin(), channel, Optional.of(previous.number()));
    }

    private ApplicationRecord start(SignedInPerson seller, Vin vin, Iin buyer, SpecialRules.Channel channel, Optional<String> startedAgainFrom) {
        Bin sellerBin = seller.bin().orElseThrow(() -> new ApplicationRefused("NOT_A_SELLER", CannotServe.Reason.FORBIDDEN,
                "Only a legal entity's employee, signed in with the entity's key, starts an application."));
        RegimeRef regime = regimes.admit(sellerBin, channel, clock.instant());
        ApplicationRecord created;
        try {
            created = transaction.execute(status -> {
                Instant now = clock.instant();
                ApplicationRecord record = applications.create(vin, sellerBin, seller.iin(), buyer, regime, now);
                log.append(record.id(), now, Action.Actor.SELLER, seller.iin().value(), Step.S1, ApplicationStatus.CHECKING,
                        new Act.Started(vin.value(), buyer.value(), sellerBin.value(), vin.checkDigitMatches(), channel.name(), Optional.of(regime.code()),
                                Optional.of(regime.version()), startedAgainFrom), null);
                return record;
            });
        } catch (DuplicateKeyException e) {
            throw vinTaken(vin);
        }
        runPhase(created.id(), Phase.SELLER);
        return applications.find(created.id()).orElseThrow();
    }

    /**
     * The VIN is taken by another application: still open (finish or close it), or already registered — then no new
     * application helps, and the seller is told so instead of being sent to close something (issue [11]).
     */
    private ApplicationRefused vinTaken(Vin vin) {
        boolean registered = applications.statusOfOpen(vin).map(status -> switch (status) {
            case REGISTERED, READY_FOR_COLLECTION, HANDED_OVER -> true;
            default -> false;
        }).orElse(false);
        return registered
                ? new ApplicationRefused("VIN_ALREADY_REGISTERED", CannotServe.Reason.CONFLICT,
                        "The vehicle with VIN " + vin + " is already registered; a registered vehicle is not registered again.", vin.value())
                : new ApplicationRefused("VIN_HAS_OPEN_APPLICATION", CannotServe.Reason.CONFLICT,
                        "An application for VIN " + vin + " is already open. Finish or close it before starting another.", vin.value());
    }

    /** S7: the seller corrects a mistyped buyer's IIN; the buyer's checks run again. */
    public ApplicationRecord correctBuyer(SignedInPerson seller, String number, Iin buyer) {
        UUID id = transaction.execute(status -> {
            ApplicationRecord record = ownedBySeller(seller, applications.lock(number));
            if (record.status() != ApplicationStatus.BUYER_IIN_CORRECTION) {
                throw new ApplicationRefused("NOT_AWAITING_CORRECTION", CannotServe.Reason.CONFLICT,
                        "The buyer's IIN can be corrected only when the check of step S7 asked for it; the application is " + record.status() + ".",
                        ApplicationRefused.status(record));
            }
            Instant now = clock.instant();
            applications.setBuyer(record.id(), buyer, now);
            log.append(record.id(), now, Action.Actor.SELLER, seller.iin().value(), Step.S7, ApplicationStatus.CHECKING,
                    new Act.BuyerIinCorrected(record.buyerIin().value(), buyer.value()), null);
            return record.id();
        });
        runPhase(id, Phase.SELLER);
        return applications.find(id).orElseThrow();
    }

    /** S10: the buyer agrees (then S11–S14 run) or declines. */
    public ApplicationRecord consent(SignedInPerson buyer, String number, boolean agree) {
        UUID id = transaction.execute(status -> {
            ApplicationRecord record = applications.lock(number).filter(a -> a.buyerIin().equals(buyer.iin()))
                    .orElseThrow(ApplicationProcess::notFound);
            if (record.status() != ApplicationStatus.AWAITING_BUYER_CONSENT) {
                throw new ApplicationRefused("NOT_AWAITING_CONSENT", CannotServe.Reason.CONFLICT, "The application does not await your consent; it is " + record.status() + ".",
                        ApplicationRefused.status(record));
            }
            Instant now = clock.instant();
            if (record.buyerDeadline().map(now::isAfter).orElse(false)) {
                throw new ApplicationRefused("DEADLINE_PASSED", CannotServe.Reason.CONFLICT, "The time to agree ran out at " + record.buyerDeadline().get() + ".",
                        record.buyerDeadline().get().toString());
            }
            // The consent records which version of the regime's text the buyer was shown (Art. 52(3)).
            Optional<String> regimeShown = record.regime().map(RegimeRef::code);
            Optional<Integer> versionShown = record.regime().map(RegimeRef::version);
            log.append(record.id(), now, Action.Actor.BUYER, buyer.iin().value(), Step.S10, agree ? ApplicationStatus.RECHECKING : ApplicationStatus.DECLINED,
                    agree ? new Act.BuyerAgreed(regimeShown, versionShown) : new Act.BuyerDeclined(regimeShown, versionShown), null);
            if (!agree) {
                // The dealer's employee who started it is told, in their language, through the notification point (issue [11]).
                notifications.notify(new NoticeRequest(record.sellerIin(), "application.declined",
                        Map.of("applicationNumber", record.number(), "vin", record.vin().value()), record.number()));
            }
            return record.id();
        });
        if (agree) {
            runPhase(id, Phase.BUYER);
        }
        return applications.find(id).orElseThrow();
    }

    /** S9 happened: the seller's signature was verified and stored by {@link SellerSignature}. */
    void sellerSigned(ApplicationRecord record, Iin signer, Instant at) {
        Instant deadline = at.plus(buyerDeadline);
        applications.setBuyerDeadline(record.id(), deadline);
        log.append(record.id(), at, Action.Actor.SELLER, signer.value(), Step.S9, ApplicationStatus.AWAITING_BUYER_CONSENT,
                new Act.SellerSigned(deadline), null);
        List<Action> actions = log.of(record.id());
        Map<String, String> seller = factsOf(actions, Step.S1);
        Map<String, String> vehicle = factsOf(actions, Step.S3);
        Map<String, String> parameters = new LinkedHashMap<>(Map.of(
                "applicationNumber", record.number(), "deadline", deadline.toString(),
                "sellerName", seller.getOrDefault("name", "BIN " + record.sellerBin()),
                "vehicle", (vehicle.getOrDefault("make", "") + " " + vehicle.getOrDefault("model", "") + " " + vehicle.getOrDefault("year", "")).strip()
                        + " (VIN " + record.vin() + ")"));
        // Art. 52(3): the buyer is told of the experiment, its risks and where to complain, in the regime's own words.
        regimeOf.counterpartyText(record).ifPresent(text -> {
            parameters.put("regimeNotice@kk", text.kk());
            parameters.put("regimeNotice@ru", text.ru());
            parameters.put("regimeNotice@en", text.en());
        });
        parameters.putIfAbsent("regimeNotice@kk", "№ 754/499 бұйрығы.");
        parameters.putIfAbsent("regimeNotice@ru", "приказ № 754/499.");
        parameters.putIfAbsent("regimeNotice@en", "order No. 754/499.");
        notifications.notify(new NoticeRequest(record.buyerIin(), "application.awaiting-buyer-consent", parameters, record.number()));
    }

    /** The buyer's time ran out (S10): the application expires and both sides are told. */
    public int expireOverdue() {
        int expired = 0;
        for (UUID id : applications.awaitingBuyerPast(clock.instant())) {
            Boolean done = transaction.execute(status -> applications.lock(id)
                    .filter(a -> a.status() == ApplicationStatus.AWAITING_BUYER_CONSENT)
                    .map(record -> {
                        log.append(id, clock.instant(), Action.Actor.PLATFORM, null, Step.S10, ApplicationStatus.EXPIRED,
                                new Act.Expired(record.buyerDeadline()), null);
                        Map<String, String> parameters = Map.of("applicationNumber", record.number(),
                                "deadline", record.buyerDeadline().map(Instant::toString).orElse(""));
                        notifications.notify(new NoticeRequest(record.buyerIin(), "application.expired", parameters, record.number()));
                        notifications.notify(new NoticeRequest(record.sellerIin(), "application.expired", parameters, record.number()));
                        return true;
                    }).orElse(false));
            expired += Boolean.TRUE.equals(done) ? 1 : 0;
        }
        return expired;
    }

    /** Runs the checks of a phase (again), outside any transaction, and records what they came to. */
    void runPhase(UUID id, Phase phase) {
        ApplicationRecord record = applications.find(id).orElseThrow();
        List<CheckResult> results = switch (phase) {
            case SELLER -> sellerChecks(record);
            case BUYER -> inParallel(List.of(
                    () -> checks.buyer(record.buyerIin(), true),
                    () -> checks.passport(record.vin(), true, regimeOf.eligibleOrigins(record)),
                    () -> checks.contract(record.vin(), record.sellerBin(), record.buyerIin(), true),
                    () -> checks.fines(record.buyerIin())));
            case DECISION -> throw new IllegalArgumentException("S19 is decided by RegistrationDecision");
        };
        record(id, phase, results);
    }

    private List<CheckResult> sellerChecks(ApplicationRecord record) {
        RegimeParameters rules = regimeOf.rules(record);
        List<CheckResult> results = new ArrayList<>(inParallel(List.of(
                () -> checks.seller(record.sellerBin(), rules.territory()),
                () -> checks.passport(record.vin(), false, rules.specialRules().eligibleOrigins()),
                () -> checks.customs(record.vin()),
                () -> checks.recyclingFee(record.vin()),
                () -> checks.buyer(record.buyerIin(), false))));
        boolean buyerKnown = results.stream().anyMatch(r -> r.step() == Step.S7 && r instanceof CheckResult.Passed);
        if (buyerKnown) {
            results.add(checks.contract(record.vin(), record.sellerBin(), record.buyerIin(), false));
        }
        return results;
    }

    private void record(UUID id, Phase phase, List<CheckResult> results) {
        transaction.executeWithoutResult(status -> {
            ApplicationRecord record = applications.lock(id).orElseThrow();
            if (record.status() != phase.running && record.status() != ApplicationStatus.WAITING_FOR_STATE_SYSTEM) {
                return; // someone else finished this phase meanwhile (another server's retry)
            }
            Instant now = clock.instant();
            List<CheckResult> ordered = results.stream().sorted(Comparator.comparing(CheckResult::step)).toList();
            // A refusal an officer overturned on review (Art. 39) does not refuse again when its step runs again.
            java.util.Set<Refusal> waived = reviews.waived(id);
            Optional<CheckResult.Refused> refusal = ordered.stream().filter(CheckResult.Refused.class::isInstance)
                    .map(CheckResult.Refused.class::cast).filter(r -> !waived.contains(r.refusal())).findFirst();
            boolean waiting = ordered.stream().anyMatch(CheckResult.Waiting.class::isInstance);
            ApplicationStatus outcome = refusal.map(r -> r.refusal().correctable() ? ApplicationStatus.BUYER_IIN_CORRECTION : ApplicationStatus.REFUSED)
                    .orElse(waiting ? ApplicationStatus.WAITING_FOR_STATE_SYSTEM : phase.passed);
            log.appendRound(id, now, phase, ordered, waived, phase.running, outcome);
            if (outcome == ApplicationStatus.WAITING_FOR_STATE_SYSTEM) {
                boolean firstWait = retries.schedule(id, phase, ordered.stream().filter(CheckResult.Waiting.class::isInstance)
                        .map(CheckResult.Waiting.class::cast).flatMap(w -> w.retryAfter().stream()).max(Comparator.naturalOrder()), now);
                if (firstWait) {
                    String systems = ordered.stream().filter(CheckResult.Waiting.class::isInstance).flatMap(r -> r.evidence().stream()).map(e -> e.system().name()).distinct()
                            .reduce((a, b) -> a + ", " + b).orElse("");
                    notifications.notify(new NoticeRequest(phase == Phase.SELLER ? record.sellerIin() : record.buyerIin(),
                            "application.waiting-on-state-system", Map.of("applicationNumber", record.number(), "stateSystem", systems), record.number()));
                }
            } else {
                retries.clear(id);
            }
            if (outcome == ApplicationStatus.REFUSED) {
                CheckResult.Refused refused = refusal.orElseThrow();
                Map<String, String> parameters = new LinkedHashMap<>(refusalTexts.forNotice("reason", refused.refusal()));
                parameters.put("applicationNumber", record.number());
                parameters.put("step", refused.step().name());
                notifications.notify(new NoticeRequest(record.sellerIin(), "application.refused", parameters, record.number()));
                if (phase == Phase.BUYER) {
                    notifications.notify(new NoticeRequest(record.buyerIin(), "application.refused", parameters, record.number()));
                }
            }
        });
    }

    /** The facts the latest passed check of a step relied on (its evidence). */
    private static Map<String, String> factsOf(List<Action> actions, Step step) {
        return actions.reversed().stream()
                .filter(a -> a.kind() == Action.Kind.CHECK_PASSED && a.step().orElse(null) == step)
                .flatMap(a -> a.evidence().stream()).map(kz.tirkeu.statesystems.Evidence::facts).findFirst().orElse(Map.of());
    }

    static List<CheckResult> inParallel(List<Supplier<CheckResult>> checks) {
        try (Parallel parallel = new Parallel()) {
            List<Future<CheckResult>> running = checks.stream().map(check -> parallel.start(check::get)).toList();
            return running.stream().map(Parallel::result).toList();
        }
    }

    static ApplicationRecord ownedBySeller(SignedInPerson seller, Optional<ApplicationRecord> record) {
        return record.filter(a -> seller.bin().equals(Optional.of(a.sellerBin()))).orElseThrow(ApplicationProcess::notFound);
    }

    static ApplicationRefused notFound() {
        return new ApplicationRefused("APPLICATION_NOT_FOUND", CannotServe.Reason.NOT_FOUND, "You have no application with this number.");
    }
}
