package kz.tirkeu.application;

import java.time.Clock;
import java.time.Instant;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import kz.tirkeu.application.checks.CheckResult;
import kz.tirkeu.notification.NoticeRequest;
import kz.tirkeu.notification.NotificationPoint;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The automatic decision's outcomes other than registering: a refusal (logged with its findings, the case closed, both
 * parties told) and a wait for a state system (logged, the case tried again when the answer is due). Each in its own
 * transaction under the application's lock, and only if nobody decided or took the case meanwhile.
 */
@Component
class DecisionOutcomes {

    private final Applications applications;
    private final ActionLog log;
    private final PoliceCases cases;
    private final NotificationPoint notifications;
    private final RefusalTexts refusalTexts;
    private final TransactionTemplate transaction;
    private final Clock clock;

    DecisionOutcomes(Applications applications, ActionLog log, PoliceCases cases, NotificationPoint notifications, RefusalTexts refusalTexts,
                     TransactionTemplate transaction, Clock clock) {
        this.applications = applications;
        this.log = log;
        this.cases = cases;
        this.notifications = notifications;
        this.refusalTexts = refusalTexts;
        this.transaction = transaction;
        this.clock = clock;
    }

    void refused(ApplicationRecord record, List<CheckResult> findings, Set<Refusal> waived, CheckResult.Refused decisive) {
        transaction.executeWithoutResult(status -> {
            ApplicationRecord locked = applications.lock(record.id()).orElseThrow();
            Optional<PoliceCase> policeCase = cases.of(record.id()).filter(PoliceCase::open);
            if (!RegistrationDecision.UNDECIDED.contains(locked.status()) || policeCase.isEmpty() || policeCase.get().officerIin().isPresent()) {
                return;
            }
            Instant at = clock.instant();
            appendFindings(locked, findings, waived, at, ApplicationStatus.REFUSED);
            cases.close(record.id(), at);
            tellRefused(locked, refusalTexts.forNotice("reason", decisive.refusal()));
        });
    }

    void waiting(ApplicationRecord record, List<CheckResult> findings, Set<Refusal> waived) {
        transaction.executeWithoutResult(status -> {
            ApplicationRecord locked = applications.lock(record.id()).orElseThrow();
            if (!RegistrationDecision.UNDECIDED.contains(locked.status())) {
                return;
            }
            Instant at = clock.instant();
            appendFindings(locked, findings, waived, at, ApplicationStatus.WAITING_FOR_STATE_SYSTEM);
            cases.retryLater(record.id(), findings.stream().filter(CheckResult.Waiting.class::isInstance).map(CheckResult.Waiting.class::cast)
                    .flatMap(w -> w.retryAfter().stream()).max(Comparator.naturalOrder()), at);
        });
    }

    /** The decision's checks as one round (ProcessDefinition: a round's last entry carries its outcome). */
    void appendFindings(ApplicationRecord record, List<CheckResult> findings, Set<Refusal> waived, Instant at, ApplicationStatus outcome) {
        log.appendRound(record.id(), at, Phase.DECISION, findings, waived, record.status(), outcome);
    }

    /** @param reason the refusal in every language ({@code reason@kk}, {@code reason@ru}, {@code reason@en}) */
    void tellRefused(ApplicationRecord record, Map<String, String> reason) {
        Map<String, String> parameters = new LinkedHashMap<>(reason);
        parameters.put("applicationNumber", record.number());
        parameters.put("step", Step.S19.name());
        notifications.notify(new NoticeRequest(record.sellerIin(), "application.refused", parameters, record.number()));
        notifications.notify(new NoticeRequest(record.buyerIin(), "application.refused", parameters, record.number()));
    }
}
