package kz.tirkeu.application.checks;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import kz.tirkeu.application.Refusal;
import kz.tirkeu.application.Step;
import kz.tirkeu.statesystems.Evidence;

/**
 * What one check came to: a step's check against its state system (S1–S14), or one of the registration decision's own
 * checks (S19: the payment with the gateway, a signature, the register, the regime). {@link Waiting} is not a refusal:
 * the check is asked again later.
 */
public sealed interface CheckResult {

    Step step();

    /** What was checked, for people reading the log: the step ("S12"), or the decision's check ("payment", "buyer-signature", …). */
    String check();

    /** The state system's answer the result rests on, when a state system was asked. */
    Optional<Evidence> evidence();

    /** What the check rested on besides a state system's evidence (a signature's indication and sub-indication). */
    Map<String, String> facts();

    /** @param found what the platform found, in words, when it says more than the evidence ("" when not) */
    record Passed(Step step, String check, String found, Optional<Evidence> evidence, Map<String, String> facts) implements CheckResult {
        public Passed {
            facts = Map.copyOf(facts);
        }

        public Passed(Step step, Evidence evidence) {
            this(step, step.name(), "", Optional.of(evidence), Map.of());
        }
    }

    /** @param found what the platform found, in words, after the algorithm's message */
    record Refused(Step step, String check, Refusal refusal, String found, Optional<Evidence> evidence, Map<String, String> facts)
            implements CheckResult {
        public Refused {
            facts = Map.copyOf(facts);
        }

        public Refused(Step step, Refusal refusal, String found, Evidence evidence) {
            this(step, step.name(), refusal, found, Optional.of(evidence), Map.of());
        }
    }

    record Waiting(Step step, String check, String why, Optional<Duration> retryAfter, Optional<Evidence> evidence, Map<String, String> facts)
            implements CheckResult {
        public Waiting {
            facts = Map.copyOf(facts);
        }

        public Waiting(Step step, String why, Optional<Duration> retryAfter, Evidence evidence) {
            this(step, step.name(), why, retryAfter, Optional.of(evidence), Map.of());
        }
    }

    /** The decision's own checks (S19), which need no state system or rest on one asked in their own way. */
    static CheckResult passedAtDecision(String check, String found, Evidence evidence, Map<String, String> facts) {
        return new Passed(Step.S19, check, found, Optional.ofNullable(evidence), facts);
    }

    static CheckResult refusedAtDecision(String check, Refusal refusal, String found, Evidence evidence, Map<String, String> facts) {
        return new Refused(Step.S19, check, refusal, found, Optional.ofNullable(evidence), facts);
    }

    static CheckResult waitingAtDecision(String check, String why, Optional<Duration> retryAfter, Evidence evidence, Map<String, String> facts) {
        return new Waiting(Step.S19, check, why, retryAfter, Optional.ofNullable(evidence), facts);
    }
}
