package kz.tirkeu.application.checks;

import java.time.Duration;
import java.util.Optional;
import kz.tirkeu.application.Refusal;
import kz.tirkeu.application.Step;
import kz.tirkeu.statesystems.Evidence;

/** What one check of a step came to. {@link Waiting} is not a refusal: the step is asked again later. */
public sealed interface CheckResult {

    Step step();

    Evidence evidence();

    record Passed(Step step, Evidence evidence) implements CheckResult {}

    /** @param found what the platform found, in words, after the algorithm's message */
    record Refused(Step step, Refusal refusal, String found, Evidence evidence) implements CheckResult {}

    record Waiting(Step step, String why, Optional<Duration> retryAfter, Evidence evidence) implements CheckResult {}
}
