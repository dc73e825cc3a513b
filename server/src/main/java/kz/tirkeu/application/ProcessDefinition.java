package kz.tirkeu.application;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The algorithm as data (Digital Code Arts. 18(3), 19(6)): the steps, who takes each, the statuses
 * and the transitions between them, versioned. Each application records the version it started under.
 */
public final class ProcessDefinition {

    /** Order 754/499 of October 2025, this platform's first reading of it. */
    public static final String VERSION = "754-499/2025.10-r1";

    private ProcessDefinition() {}

    /**
     * A move from one status to another, and the kinds of action that may make it. The checks of a round are logged one
     * entry a check and the round's last entry carries its outcome, so a round's transition is made by whichever check
     * comes last ({@link #CHECKS}).
     */
    public record Transition(ApplicationStatus from, ApplicationStatus to, String on, List<Action.Kind> by) {
        public Transition {
            by = List.copyOf(by);
        }
    }

    /** An action that leaves the status as it is (an entry inside a round of checks, a case taken over, a ticket issued). */
    public record Stay(ApplicationStatus in, List<Action.Kind> by, String on) {
        public Stay {
            by = List.copyOf(by);
        }
    }

    private static final List<Action.Kind> CHECKS = List.of(Action.Kind.CHECK_PASSED, Action.Kind.CHECK_REFUSED, Action.Kind.CHECK_WAITING);

    private static Transition on(ApplicationStatus from, ApplicationStatus to, String on, Action.Kind... by) {
        return new Transition(from, to, on, List.of(by));
    }

    private static Transition onChecks(ApplicationStatus from, ApplicationStatus to, String on) {
        return new Transition(from, to, on, CHECKS);
    }

    /** The first entry of every log: S1–S2 the seller starts, and the checks run. */
    public static final Transition START = new Transition(null, ApplicationStatus.CHECKING, "S1–S2: the seller starts", List.of(Action.Kind.STARTED));

    public static final List<Transition> TRANSITIONS = List.of(
            onChecks(ApplicationStatus.CHECKING, ApplicationStatus.AWAITING_SELLER_SIGNATURE, "S1, S3–S5, S7, S8 passed"),
            onChecks(ApplicationStatus.CHECKING, ApplicationStatus.WAITING_FOR_STATE_SYSTEM, "a state system did not answer"),
            onChecks(ApplicationStatus.WAITING_FOR_STATE_SYSTEM, ApplicationStatus.CHECKING, "asked again"),
            onChecks(ApplicationStatus.CHECKING, ApplicationStatus.BUYER_IIN_CORRECTION, "S7: no person with this IIN"),
            on(ApplicationStatus.BUYER_IIN_CORRECTION, ApplicationStatus.CHECKING, "the seller corrected the IIN", Action.Kind.BUYER_IIN_CORRECTED),
            onChecks(ApplicationStatus.CHECKING, ApplicationStatus.REFUSED, "a check refused (S1, S3–S5, S7, S8)"),
            on(ApplicationStatus.AWAITING_SELLER_SIGNATURE, ApplicationStatus.AWAITING_BUYER_CONSENT, "S9: the seller signed", Action.Kind.SELLER_SIGNED),
            on(ApplicationStatus.AWAITING_BUYER_CONSENT, ApplicationStatus.RECHECKING, "S10: the buyer agreed", Action.Kind.BUYER_AGREED),
            on(ApplicationStatus.AWAITING_BUYER_CONSENT, ApplicationStatus.DECLINED, "S10: the buyer declined", Action.Kind.BUYER_DECLINED),
            on(ApplicationStatus.AWAITING_BUYER_CONSENT, ApplicationStatus.EXPIRED, "S10: the deadline passed", Action.Kind.EXPIRED),
            onChecks(ApplicationStatus.RECHECKING, ApplicationStatus.AWAITING_CHOICES, "S11–S14 passed"),
            onChecks(ApplicationStatus.RECHECKING, ApplicationStatus.WAITING_FOR_STATE_SYSTEM, "a state system did not answer"),
            onChecks(ApplicationStatus.WAITING_FOR_STATE_SYSTEM, ApplicationStatus.RECHECKING, "asked again"),
            onChecks(ApplicationStatus.RECHECKING, ApplicationStatus.REFUSED, "a recheck refused (S11–S14)"),
            on(ApplicationStatus.AWAITING_CHOICES, ApplicationStatus.AWAITING_PHONE, "S15: PSC and plate type chosen", Action.Kind.CHOICES_MADE),
            on(ApplicationStatus.AWAITING_PHONE, ApplicationStatus.AWAITING_PAYMENT, "S16: МБГ has the phone, or the buyer's number is confirmed",
                    Action.Kind.PHONE_CONFIRMED),
            on(ApplicationStatus.AWAITING_PAYMENT, ApplicationStatus.AWAITING_BUYER_SIGNATURE, "S17: paid", Action.Kind.PAID),
            on(ApplicationStatus.AWAITING_BUYER_SIGNATURE, ApplicationStatus.SUBMITTED, "S18: the buyer signed", Action.Kind.SUBMITTED),
            on(ApplicationStatus.SUBMITTED, ApplicationStatus.REGISTERED, "S19: registered (automatically, or by the officer who took the case over)",
                    Action.Kind.REGISTERED),
            onChecks(ApplicationStatus.SUBMITTED, ApplicationStatus.WAITING_FOR_STATE_SYSTEM, "S19: a state system did not answer"),
            on(ApplicationStatus.WAITING_FOR_STATE_SYSTEM, ApplicationStatus.REGISTERED, "S19: asked again, registered", Action.Kind.REGISTERED),
            on(ApplicationStatus.WAITING_FOR_STATE_SYSTEM, ApplicationStatus.REFUSED, "S19: asked again, refused", Action.Kind.CHECK_PASSED,
                    Action.Kind.CHECK_REFUSED, Action.Kind.CHECK_WAITING, Action.Kind.OFFICER_REFUSED),
            on(ApplicationStatus.SUBMITTED, ApplicationStatus.REFUSED, "S19: refused with reasons (automatically, or by an officer)",
                    Action.Kind.CHECK_PASSED, Action.Kind.CHECK_REFUSED, Action.Kind.CHECK_WAITING, Action.Kind.OFFICER_REFUSED),
            on(ApplicationStatus.REFUSED, ApplicationStatus.UNDER_REVIEW, "Art. 39: the seller or buyer asked for review of an automated refusal",
                    Action.Kind.REVIEW_REQUESTED),
            on(ApplicationStatus.UNDER_REVIEW, ApplicationStatus.REFUSED, "an officer upheld the refusal", Action.Kind.REVIEW_UPHELD),
            on(ApplicationStatus.UNDER_REVIEW, ApplicationStatus.CHECKING, "an officer overturned a refusal of S1–S8: the checks resume",
                    Action.Kind.REVIEW_OVERTURNED),
            on(ApplicationStatus.UNDER_REVIEW, ApplicationStatus.RECHECKING, "an officer overturned a refusal of S11–S14: the rechecks resume",
                    Action.Kind.REVIEW_OVERTURNED),
            on(ApplicationStatus.UNDER_REVIEW, ApplicationStatus.SUBMITTED, "an officer overturned a refusal of S19: the decision is taken again",
                    Action.Kind.REVIEW_OVERTURNED),
            on(ApplicationStatus.REGISTERED, ApplicationStatus.READY_FOR_COLLECTION, "P7: the certificate and the plates are at the PSC",
                    Action.Kind.DOCUMENTS_READY),
            on(ApplicationStatus.READY_FOR_COLLECTION, ApplicationStatus.HANDED_OVER, "P8–P10: queue ticket, identity checked, handed over",
                    Action.Kind.HANDED_OVER));

    public static final List<Stay> STAYS = List.of(
            new Stay(ApplicationStatus.CHECKING, CHECKS, "a check of the round, before its last"),
            new Stay(ApplicationStatus.RECHECKING, CHECKS, "a check of the round, before its last"),
            new Stay(ApplicationStatus.SUBMITTED, CHECKS, "a check of the decision, before its last"),
            new Stay(ApplicationStatus.WAITING_FOR_STATE_SYSTEM, CHECKS, "a check of the decision asked again, before its last"),
            new Stay(ApplicationStatus.SUBMITTED, List.of(Action.Kind.CASE_TAKEN_OVER, Action.Kind.CASE_RELEASED), "an officer takes the case over or gives it back"),
            new Stay(ApplicationStatus.WAITING_FOR_STATE_SYSTEM, List.of(Action.Kind.CASE_TAKEN_OVER, Action.Kind.CASE_RELEASED),
                    "an officer takes the case over or gives it back"),
            new Stay(ApplicationStatus.UNDER_REVIEW, List.of(Action.Kind.CASE_TAKEN_OVER, Action.Kind.CASE_RELEASED, Action.Kind.REVIEW_OVERTURN_PROPOSED),
                    "an officer takes the review over, gives it back, or proposes an overturn for a second officer to confirm"),
            new Stay(ApplicationStatus.AWAITING_PHONE, List.of(Action.Kind.PHONE_NEEDED), "S16: МБГ has no phone; the buyer enters one"),
            new Stay(ApplicationStatus.AWAITING_PAYMENT, List.of(Action.Kind.INVOICE_CREATED), "S17: the invoice is issued"),
            new Stay(ApplicationStatus.AWAITING_BUYER_SIGNATURE, List.of(Action.Kind.BUYER_SIGNED), "S18: the signature is accepted, then submitted"),
            new Stay(ApplicationStatus.READY_FOR_COLLECTION, List.of(Action.Kind.QUEUE_TICKET_ISSUED), "P8: the buyer's identity checked, a ticket issued"));

    /** Whether the definition lets an action of this kind take an application from one status to another ({@code from} null: the first entry). */
    public static boolean allows(ApplicationStatus from, Action.Kind kind, ApplicationStatus to) {
        if (from == null) {
            return START.by().contains(kind) && START.to() == to;
        }
        if (from == to) {
            return STAYS.stream().anyMatch(s -> s.in() == from && s.by().contains(kind));
        }
        return TRANSITIONS.stream().anyMatch(t -> t.from() == from && t.to() == to && t.by().contains(kind));
    }

    /** The status a log comes to, read entry by entry against the definition; the first entry that does not fit is named. */
    public static ApplicationStatus replay(List<Action> log) {
        ApplicationStatus status = null;
        for (Action entry : log) {
            if (!allows(status, entry.kind(), entry.status())) {
                throw new ProcessViolation(status, entry.kind(), entry.status(), entry.seq());
            }
            status = entry.status();
        }
        if (status == null) {
            throw new IllegalArgumentException("an empty log has no status");
        }
        return status;
    }

    /** An action the published definition does not allow: a bug in the platform, never a person's mistake. */
    public static final class ProcessViolation extends IllegalStateException {
        ProcessViolation(ApplicationStatus from, Action.Kind kind, ApplicationStatus to, int seq) {
            super("The process definition " + VERSION + " does not allow " + kind + " to take an application from " + (from == null ? "nothing" : from)
                    + " to " + to + " (entry " + seq + ")");
        }
    }

    /** The machine-readable definition served at GET /api/v1/process-definition. */
    public static Map<String, Object> asData() {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("version", VERSION);
        data.put("legalBasis", "Joint order of the Minister of Internal Affairs No. 754 (9 Oct 2025) and the Minister of AI and Digital Development No. 499 (7 Oct 2025), appendix, item 4");
        data.put("steps", Arrays.stream(Step.values()).map(s -> Map.of("id", s.name(), "actor", s.actor().name(), "description", s.description())).toList());
        data.put("statuses", Arrays.stream(ApplicationStatus.values()).map(s -> Map.of("id", s.name(), "closed", s.closed())).toList());
        data.put("refusals", Arrays.stream(Refusal.values()).map(r -> Map.of("code", r.name(), "step", r.step().name(), "message", r.message())).toList());
        data.put("start", START);
        data.put("transitions", TRANSITIONS);
        data.put("stays", STAYS);
        data.put("diagram", mermaid());
        return data;
    }

    /** The same transitions as a Mermaid state diagram, for people. */
    public static String mermaid() {
        StringBuilder out = new StringBuilder("stateDiagram-v2\n    [*] --> CHECKING: S1–S2 the seller starts\n");
        for (Transition t : TRANSITIONS) {
            out.append("    ").append(t.from()).append(" --> ").append(t.to()).append(": ").append(t.on()).append('\n');
        }
        for (ApplicationStatus status : ApplicationStatus.values()) {
            if (status.closed()) {
                out.append("    ").append(status).append(" --> [*]\n");
            }
        }
        out.append("    HANDED_OVER --> [*]\n");
        return out.toString();
    }
}
