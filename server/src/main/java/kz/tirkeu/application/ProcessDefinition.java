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

    public record Transition(ApplicationStatus from, ApplicationStatus to, String on) {}

    public static final List<Transition> TRANSITIONS = List.of(
            new Transition(ApplicationStatus.CHECKING, ApplicationStatus.AWAITING_SELLER_SIGNATURE, "S1, S3–S5, S7, S8 passed"),
            new Transition(ApplicationStatus.CHECKING, ApplicationStatus.WAITING_FOR_STATE_SYSTEM, "a state system did not answer"),
            new Transition(ApplicationStatus.WAITING_FOR_STATE_SYSTEM, ApplicationStatus.CHECKING, "asked again"),
            new Transition(ApplicationStatus.CHECKING, ApplicationStatus.BUYER_IIN_CORRECTION, "S7: no person with this IIN"),
            new Transition(ApplicationStatus.BUYER_IIN_CORRECTION, ApplicationStatus.CHECKING, "the seller corrected the IIN"),
            new Transition(ApplicationStatus.CHECKING, ApplicationStatus.REFUSED, "a check refused (S1, S3–S5, S7, S8)"),
            new Transition(ApplicationStatus.AWAITING_SELLER_SIGNATURE, ApplicationStatus.AWAITING_BUYER_CONSENT, "S9: the seller signed"),
            new Transition(ApplicationStatus.AWAITING_BUYER_CONSENT, ApplicationStatus.RECHECKING, "S10: the buyer agreed"),
            new Transition(ApplicationStatus.AWAITING_BUYER_CONSENT, ApplicationStatus.DECLINED, "S10: the buyer declined"),
            new Transition(ApplicationStatus.AWAITING_BUYER_CONSENT, ApplicationStatus.EXPIRED, "S10: the deadline passed"),
            new Transition(ApplicationStatus.RECHECKING, ApplicationStatus.AWAITING_CHOICES, "S11–S14 passed"),
            new Transition(ApplicationStatus.RECHECKING, ApplicationStatus.WAITING_FOR_STATE_SYSTEM, "a state system did not answer"),
            new Transition(ApplicationStatus.WAITING_FOR_STATE_SYSTEM, ApplicationStatus.RECHECKING, "asked again"),
            new Transition(ApplicationStatus.RECHECKING, ApplicationStatus.REFUSED, "a recheck refused (S11–S14)"),
            new Transition(ApplicationStatus.AWAITING_CHOICES, ApplicationStatus.AWAITING_PHONE, "S15: PSC and plate type chosen"),
            new Transition(ApplicationStatus.AWAITING_PHONE, ApplicationStatus.AWAITING_PAYMENT, "S16: МБГ has the phone, or the buyer's number is confirmed"),
            new Transition(ApplicationStatus.AWAITING_PAYMENT, ApplicationStatus.AWAITING_BUYER_SIGNATURE, "S17: paid"),
            new Transition(ApplicationStatus.AWAITING_BUYER_SIGNATURE, ApplicationStatus.SUBMITTED, "S18: the buyer signed"),
            new Transition(ApplicationStatus.SUBMITTED, ApplicationStatus.REGISTERED, "S19: registered (automatically, or by the officer who took the case over)"),
            new Transition(ApplicationStatus.SUBMITTED, ApplicationStatus.WAITING_FOR_STATE_SYSTEM, "S19: a state system did not answer"),
            new Transition(ApplicationStatus.WAITING_FOR_STATE_SYSTEM, ApplicationStatus.REGISTERED, "S19: asked again, registered"),
            new Transition(ApplicationStatus.WAITING_FOR_STATE_SYSTEM, ApplicationStatus.REFUSED, "S19: asked again, refused"),
            new Transition(ApplicationStatus.SUBMITTED, ApplicationStatus.REFUSED, "S19: refused with reasons (automatically, or by an officer)"),
            new Transition(ApplicationStatus.REFUSED, ApplicationStatus.UNDER_REVIEW, "Art. 39: the seller or buyer asked for review of an automated refusal"),
            new Transition(ApplicationStatus.UNDER_REVIEW, ApplicationStatus.REFUSED, "an officer upheld the refusal"),
            new Transition(ApplicationStatus.UNDER_REVIEW, ApplicationStatus.CHECKING, "an officer overturned a refusal of S1–S8: the checks resume"),
            new Transition(ApplicationStatus.UNDER_REVIEW, ApplicationStatus.RECHECKING, "an officer overturned a refusal of S11–S14: the rechecks resume"),
            new Transition(ApplicationStatus.UNDER_REVIEW, ApplicationStatus.SUBMITTED, "an officer overturned a refusal of S19: the decision is taken again"),
            new Transition(ApplicationStatus.REGISTERED, ApplicationStatus.READY_FOR_COLLECTION, "P7: the certificate and the plates are at the PSC"),
            new Transition(ApplicationStatus.READY_FOR_COLLECTION, ApplicationStatus.HANDED_OVER, "P8–P10: queue ticket, identity checked, handed over"));

    /** The machine-readable definition served at GET /api/v1/process-definition. */
    public static Map<String, Object> asData() {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("version", VERSION);
        data.put("legalBasis", "Joint order of the Minister of Internal Affairs No. 754 (9 Oct 2025) and the Minister of AI and Digital Development No. 499 (7 Oct 2025), appendix, item 4");
        data.put("steps", Arrays.stream(Step.values()).map(s -> Map.of("id", s.name(), "actor", s.actor().name(), "description", s.description())).toList());
        data.put("statuses", Arrays.stream(ApplicationStatus.values()).map(s -> Map.of("id", s.name(), "closed", s.closed())).toList());
        data.put("refusals", Arrays.stream(Refusal.values()).map(r -> Map.of("code", r.name(), "step", r.step().name(), "message", r.message())).toList());
        data.put("transitions", TRANSITIONS);
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
