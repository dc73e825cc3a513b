package kz.tirkeu.application;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Which refusal an application stands refused on: an officer's, or else the earliest step that refused
 * in the latest round of checks (one round is recorded at one instant; S3 goes before S8).
 */
public final class DecisiveRefusal {

    private DecisiveRefusal() {}

    public static Optional<Action> of(List<Action> actions) {
        Optional<Action> latest = actions.reversed().stream()
                .filter(a -> a.kind() == Action.Kind.CHECK_REFUSED || a.kind() == Action.Kind.OFFICER_REFUSED).findFirst();
        if (latest.isEmpty() || latest.get().kind() == Action.Kind.OFFICER_REFUSED) {
            return latest;
        }
        Instant round = latest.get().at();
        return actions.stream().filter(a -> a.kind() == Action.Kind.CHECK_REFUSED && a.at().equals(round))
                .min(Comparator.comparing(a -> a.step().orElseThrow()));
    }

    /** Whether a machine decided it (Digital Code Art. 28(6–7)): only such a refusal may be sent for human review (Art. 39). */
    public static boolean automated(Action refusal) {
        return refusal.kind() == Action.Kind.CHECK_REFUSED && "true".equals(refusal.detail().get("automated"));
    }

    /** The group of checks the refusal came from, and so where the application resumes if it is overturned. */
    static Phase phaseOf(Action refusal) {
        String recorded = refusal.detail().get("phase");
        if (recorded != null) {
            return Phase.valueOf(recorded);
        }
        Step step = refusal.step().orElseThrow();
        return step.compareTo(Step.S9) < 0 ? Phase.SELLER : step == Step.S19 ? Phase.DECISION : Phase.BUYER;
    }
}
