package kz.tirkeu.application;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Which refusal an application stands refused on: an officer's, or else the earliest step that refused in the latest
 * round of checks (a round's entries share its round id; S3 goes before S8).
 */
public final class DecisiveRefusal {

    private DecisiveRefusal() {}

    public static Optional<Action> of(List<Action> actions) {
        Optional<Action> latest = actions.reversed().stream()
                .filter(a -> a.act() instanceof Act.CheckRefused || a.act() instanceof Act.OfficerRefused).findFirst();
        if (latest.isEmpty() || !(latest.get().act() instanceof Act.CheckRefused decisive)) {
            return latest;
        }
        return actions.stream().filter(a -> a.act() instanceof Act.CheckRefused refused && refused.round().equals(decisive.round()))
                .min(Comparator.comparing(a -> a.step().orElseThrow()));
    }

    /** Whether a machine decided it (Digital Code Art. 28(6–7)): only such a refusal may be sent for human review (Art. 39). */
    public static boolean automated(Action refusal) {
        return refusal.act() instanceof Act.CheckRefused;
    }

    /** The refusal an automated decision made; none for an officer's. */
    public static Optional<Refusal> automatedCode(Action refusal) {
        return refusal.act() instanceof Act.CheckRefused refused ? Optional.of(refused.code()) : Optional.empty();
    }

    /** The code the refusal is logged under: the algorithm's, or {@link RefusalTexts#BY_OFFICER}. */
    public static String codeOf(Action refusal) {
        return switch (refusal.act()) {
            case Act.CheckRefused refused -> refused.code().name();
            case Act.OfficerRefused officer -> officer.code();
            default -> throw new IllegalArgumentException("entry " + refusal.seq() + " is no refusal but " + refusal.kind());
        };
    }

    /** The group of checks the refusal came from, and so where the application resumes if it is overturned. */
    static Phase phaseOf(Action refusal) {
        return refusal.act() instanceof Act.CheckRefused refused ? refused.phase() : Phase.DECISION;
    }
}
