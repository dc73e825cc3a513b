package kz.tirkeu.application.web;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import kz.tirkeu.application.Act;
import kz.tirkeu.application.Action;
import kz.tirkeu.application.Acts;
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
        /** The decisive refusal's message: {@code decisive} is a {@link Act.CheckRefused} or an {@link Act.OfficerRefused}. */
        String refusal(Act decisive);

        String vinCheckDigitWarning();
    }

    /** The log's own words (English), for pages that write their sentences from the codes themselves. */
    static final Texts AS_LOGGED = new Texts() {
        @Override
        public String refusal(Act decisive) {
            return switch (decisive) {
                case Act.CheckRefused automated -> automated.message();
                case Act.OfficerRefused byOfficer -> byOfficer.message();
                default -> "";
            };
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
                Acts.asDetail(a.act()), a.evidence().map(e -> new EvidenceView(e.system().name(), e.requestId().toString(), e.answeredAt(), e.outcome(),
                        e.facts(), e.responseDigest())), a.viaPartner())).toList();
        boolean refused = record.status() == ApplicationStatus.REFUSED || record.status() == ApplicationStatus.BUYER_IIN_CORRECTION
                || record.status() == ApplicationStatus.UNDER_REVIEW;
        Optional<Map<String, String>> refusal = refused
                ? DecisiveRefusal.of(actions).map(a -> withMessage(refusal(a), texts.refusal(a.act())))
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
        Act.ReviewRequested request = (Act.ReviewRequested) asked.act();
        Optional<Action> decided = actions.stream().filter(a -> a.seq() > asked.seq())
                .filter(a -> a.act() instanceof Act.ReviewUpheld || a.act() instanceof Act.ReviewOverturned).findFirst();
        return Optional.of(new ReviewView(request.refusalCode(), asked.step().map(Enum::name).orElse(""), asked.at(), request.comment(),
                request.deadline(), decided.map(a -> a.act() instanceof Act.ReviewUpheld ? "UPHELD" : "OVERTURNED"),
                decided.map(a -> switch (a.act()) {
                    case Act.ReviewUpheld upheld -> upheld.reason();
                    case Act.ReviewOverturned overturned -> overturned.reason();
                    default -> throw new IllegalStateException("not a review decision: " + a.kind());
                }), decided.map(Action::at)));
    }

    /** S19's result when registered: the plate, the certificate and its verification page, the PSC. */
    private static Optional<Map<String, String>> registration(List<Action> actions) {
        return actions.reversed().stream().filter(a -> a.kind() == Action.Kind.REGISTERED).findFirst().map(a -> Acts.asDetail(a.act()));
    }

    /**
     * The decisive refusal as logged, with its step and whether a machine decided it (a check, open to review under
     * Art. 39) or an officer did.
     */
    private static Map<String, String> refusal(Action decisive) {
        Map<String, String> refusal = new LinkedHashMap<>(Acts.asDetail(decisive.act()));
        refusal.put("step", decisive.step().map(Enum::name).orElse(""));
        refusal.put("automated", String.valueOf(decisive.act() instanceof Act.CheckRefused));
        return refusal;
    }

    /** The refusal with its message in the reader's language (the log keeps the record's). */
    private static Map<String, String> withMessage(Map<String, String> refusal, String message) {
        Map<String, String> copy = new LinkedHashMap<>(refusal);
        copy.put("message", message);
        return copy;
    }

    /** The checks of the latest round: a round is the checks of one phase run together. */
    private static List<Action> lastRound(List<Action> actions) {
        Optional<UUID> last = actions.reversed().stream().map(a -> roundOf(a.act())).flatMap(Optional::stream).findFirst();
        return last.map(round -> actions.stream().filter(a -> roundOf(a.act()).equals(Optional.of(round))).toList()).orElse(List.of());
    }

    private static Optional<UUID> roundOf(Act act) {
        return act instanceof Act.Check check ? Optional.of(check.round()) : Optional.empty();
    }
}
