package kz.tirkeu.application;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import kz.tirkeu.application.checks.CheckResult;
import kz.tirkeu.statesystems.Evidence;

/**
 * One thing the registration decision (S19) checked: a recheck of S11–S14 against its state system,
 * or one of the decision's own checks (the payment with the gateway, a signature, the register).
 *
 * @param check    what was checked, for people reading the log ("S12", "payment", "buyer-signature", …)
 * @param found    what the platform found, in words
 * @param evidence the state system's answer it rests on, when a state system was asked
 */
record Finding(Step step, String check, Optional<Refusal> refusal, boolean waits, String found, Optional<Evidence> evidence,
               Optional<Duration> retryAfter, Map<String, String> facts) {

    static Finding of(CheckResult result) {
        return switch (result) {
            case CheckResult.Passed passed -> new Finding(passed.step(), passed.step().name(), Optional.empty(), false, "", Optional.of(passed.evidence()),
                    Optional.empty(), Map.of());
            case CheckResult.Refused refused -> new Finding(refused.step(), refused.step().name(), Optional.of(refused.refusal()), false, refused.found(),
                    Optional.of(refused.evidence()), Optional.empty(), Map.of());
            case CheckResult.Waiting waiting -> new Finding(waiting.step(), waiting.step().name(), Optional.empty(), true, waiting.why(),
                    Optional.of(waiting.evidence()), waiting.retryAfter(), Map.of());
        };
    }

    static Finding passed(String check, String found, Evidence evidence) {
        return new Finding(Step.S19, check, Optional.empty(), false, found, Optional.ofNullable(evidence), Optional.empty(), Map.of());
    }

    static Finding refused(String check, Refusal refusal, String found, Evidence evidence) {
        return new Finding(Step.S19, check, Optional.of(refusal), false, found, Optional.ofNullable(evidence), Optional.empty(), Map.of());
    }

    static Finding waiting(String check, String why, Optional<Duration> retryAfter, Evidence evidence) {
        return new Finding(Step.S19, check, Optional.empty(), true, why, Optional.ofNullable(evidence), retryAfter, Map.of());
    }

    Finding withFacts(Map<String, String> more) {
        return new Finding(step, check, refusal, waits, found, evidence, retryAfter, Map.copyOf(more));
    }

    /** Refuses, unless an officer overturned this very refusal on review. */
    boolean refuses(Set<Refusal> waived) {
        return refusal.isPresent() && !waived.contains(refusal.get());
    }

    /** The log entry's detail: for a refusal its code, the algorithm's message, what was found, the rule version, that it was automated. */
    Map<String, String> detail(Set<Refusal> waived) {
        Map<String, String> detail = new LinkedHashMap<>(facts);
        detail.put("check", check);
        detail.put("phase", Phase.DECISION.name());
        if (refusal.isPresent() && waived.contains(refusal.get())) {
            detail.put("waived", refusal.get().name());
            detail.put("why", "An officer overturned this refusal on review (Digital Code Art. 39).");
        } else if (refusal.isPresent()) {
            detail.put("code", refusal.get().name());
            detail.put("message", refusal.get().message());
            detail.put("ruleVersion", ProcessDefinition.VERSION);
            detail.put("automated", "true");
            if (refusal.get().regimeRule()) {
                detail.put("regimeRule", "true");
            }
        } else if (waits) {
            detail.put("why", found);
        }
        if (!found.isEmpty()) {
            detail.put("found", found);
        }
        return detail;
    }
}
