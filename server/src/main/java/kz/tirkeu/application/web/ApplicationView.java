package kz.tirkeu.application.web;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import kz.tirkeu.application.Action;
import kz.tirkeu.application.ApplicationRecord;
import kz.tirkeu.application.ApplicationStatus;
import kz.tirkeu.application.DecisiveRefusal;
import kz.tirkeu.statesystems.Evidence;

/**
 * An application as its seller and buyer see it: where it stands, why (a refusal with its step, code,
 * message and evidence; the systems it waits for), and its whole timeline.
 */
record ApplicationView(String number, ApplicationStatus status, String processVersion, String vin, String sellerBin, String buyerIin,
                       Instant createdAt, Optional<Instant> buyerDeadline, Optional<Map<String, String>> refusal,
                       Optional<ReviewView> review, Optional<Map<String, String>> registration, List<String> waitingFor, List<String> warnings, List<Entry> timeline) {

    /** @param viaPartner the partner system the person acted through (its client id), if not the platform itself */
    record Entry(int seq, Instant at, Action.Actor actor, Action.Kind action, Optional<String> step, ApplicationStatus status,
                 Map<String, String> detail, Optional<EvidenceView> evidence, Optional<String> viaPartner) {}

    record EvidenceView(String system, String requestId, Instant answeredAt, Evidence.Outcome outcome, Map<String, String> facts, String responseDigest) {}

    /** How the view's sentences are written: the refusal's message from what the log holds, the VIN warning. */
    interface Texts {
        String refusal(Map<String, String> logged);

        String vinCheckDigitWarning();
    }

    /** The log's own words (English), for pages that write their sentences from the codes themselves. */
    static final Texts AS_LOGGED = new Texts() {
        @Override
        public String refusal(Map<String, String> logged) {
            return logged.getOrDefault("message", "");
        }

        @Override
        public String vinCheckDigitWarning() {
            return "The VIN's 9th character is not its ISO 3779 check digit. Check the VIN against the vehicle; this is a warning only.";
        }
    };

    static ApplicationView of(ApplicationRecord record, List<Action> actions) {
        return of(record, actions, AS_LOGGED);
    }

    static ApplicationView of(ApplicationRecord record, List<Action> actions, Texts texts) {
        List<Entry> timeline = actions.stream().map(a -> new Entry(a.seq(), a.at(), a.actor(), a.kind(), a.step().map(Enum::name), a.status(),
                a.detail(), a.evidence().map(e -> new EvidenceView(e.system().name(), e.requestId().toString(), e.answeredAt(), e.outcome(),
                        e.facts(), e.responseDigest())), a.viaPartner())).toList();
        boolean refused = record.status() == ApplicationStatus.REFUSED || record.status() == ApplicationStatus.BUYER_IIN_CORRECTION
                || record.status() == ApplicationStatus.UNDER_REVIEW;
        Optional<Map<String, String>> refusal = refused
                ? DecisiveRefusal.of(actions).map(a -> withStep(a.detail(), a.step().map(Enum::name).orElse(""), texts.refusal(a.detail())))
                : Optional.empty();
        List<String> waitingFor = record.status() == ApplicationStatus.WAITING_FOR_STATE_SYSTEM
                ? lastRound(actions).stream().filter(a -> a.kind() == Action.Kind.CHECK_WAITING).flatMap(a -> a.evidence().stream())
                        .map(e -> e.system().name()).distinct().toList()
                : List.of();
        // VIN check digits are binding only in North America: a mismatch is shown, never held against anyone.
        List<String> warnings = record.vin().checkDigitMatches() ? List.of() : List.of(texts.vinCheckDigitWarning());
        return new ApplicationView(record.number(), record.status(), record.processVersion(), record.vin().value(), record.sellerBin().value(),
                record.buyerIin().value(), record.createdAt(), record.buyerDeadline(), refusal, review(actions), registration(actions), waitingFor,
                warnings, timeline);
    }

    /**
     * The latest human review (Digital Code Art. 39): asked when, with what comment, due by when, and,
     * once an officer decided, the outcome and the officer's reason.
     */
    record ReviewView(String refusalCode, String step, Instant requestedAt, String comment, Instant deadline, Optional<String> outcome,
                      Optional<String> reason, Optional<Instant> decidedAt) {}

    private static Optional<ReviewView> review(List<Action> actions) {
        Optional<Action> requested = actions.reversed().stream().filter(a -> a.kind() == Action.Kind.REVIEW_REQUESTED).findFirst();
        if (requested.isEmpty()) {
            return Optional.empty();
        }
        Action asked = requested.get();
        Optional<Action> decided = actions.stream().filter(a -> a.seq() > asked.seq())
                .filter(a -> a.kind() == Action.Kind.REVIEW_UPHELD || a.kind() == Action.Kind.REVIEW_OVERTURNED).findFirst();
        return Optional.of(new ReviewView(asked.detail().get("refusalCode"), asked.step().map(Enum::name).orElse(""), asked.at(), asked.detail().get("comment"),
                Instant.parse(asked.detail().get("deadline")),
                decided.map(a -> a.kind() == Action.Kind.REVIEW_UPHELD ? "UPHELD" : "OVERTURNED"), decided.map(a -> a.detail().get("reason")),
                decided.map(Action::at)));
    }

    /** S19's result when registered: the plate, the certificate and its verification page, the PSC. */
    private static Optional<Map<String, String>> registration(List<Action> actions) {
        return actions.reversed().stream().filter(a -> a.kind() == Action.Kind.REGISTERED).findFirst().map(Action::detail);
    }

    /** The refusal as logged, with its step, and its message in the reader's language (the log keeps the record's). */
    private static Map<String, String> withStep(Map<String, String> detail, String step, String message) {
        Map<String, String> copy = new java.util.LinkedHashMap<>(detail);
        copy.put("step", step);
        copy.put("message", message);
        return copy;
    }

    /** The checks recorded at the latest moment (one round of a phase is recorded at one instant). */
    private static List<Action> lastRound(List<Action> actions) {
        if (actions.isEmpty()) {
            return List.of();
        }
        Instant last = actions.getLast().at();
        return actions.stream().filter(a -> a.at().equals(last)).toList();
    }
}
