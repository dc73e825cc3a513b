package kz.tirkeu.regime;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A regime with its whole record: every version of its parameters and every decision, in order. Its status at
 * any instant follows from them and the clock alone — an expiry needs nobody to press anything.
 */
public record Regime(String code, boolean sandbox, Map<Integer, RegimeParameters> versions, List<Decision> decisions) {

    public Regime {
        versions = Map.copyOf(versions);
        decisions = List.copyOf(decisions);
    }

    public int latestVersion() {
        return versions.keySet().stream().mapToInt(Integer::intValue).max().orElse(0);
    }

    public RegimeParameters latest() {
        return versions.get(latestVersion());
    }

    /** The decisions in effect at the instant, in the order they were recorded. */
    public List<Decision> effectiveAt(Instant at) {
        return decisions.stream().filter(d -> !d.effectiveAt().isAfter(at)).toList();
    }

    /** The version in force at the instant: the one the latest decision in effect left. */
    public int versionAt(Instant at) {
        return effectiveAt(at).stream().mapToInt(Decision::version).reduce((a, b) -> b).orElse(1);
    }

    public RegimeParameters parametersAt(Instant at) {
        return versions.get(versionAt(at));
    }

    public RegimeStatus statusAt(Instant at) {
        RegimeStatus decided = RegimeStatus.PROPOSED;
        boolean suspended = false;
        for (Decision decision : effectiveAt(at)) {
            switch (decision.kind()) {
                case ESTABLISHED -> decided = RegimeStatus.ESTABLISHED;
                case SUSPENDED -> suspended = true;
                case RESUMED -> suspended = false;
                case TERMINATED -> decided = RegimeStatus.TERMINATED;
                default -> { }
            }
        }
        if (decided != RegimeStatus.ESTABLISHED) {
            return decided;
        }
        Term term = parametersAt(at).term();
        if (!at.isBefore(term.expiresAt())) {
            return RegimeStatus.TERMINATED;
        }
        if (at.isBefore(term.startsAt())) {
            return RegimeStatus.ESTABLISHED;
        }
        return suspended ? RegimeStatus.SUSPENDED : RegimeStatus.ACTIVE;
    }

    /** The decision that terminated it, if one did (otherwise a TERMINATED status means the term expired). */
    public Optional<Decision> terminationDecision(Instant at) {
        return effectiveAt(at).stream().filter(d -> d.kind() == DecisionKind.TERMINATED).findFirst();
    }

    /** Whether it ended by the expiry of its term, by itself, at the instant. */
    public boolean expiredAt(Instant at) {
        return statusAt(at) == RegimeStatus.TERMINATED && terminationDecision(at).isEmpty();
    }

    /** The suspension in effect, if suspended. */
    public Optional<Decision> suspensionAt(Instant at) {
        return statusAt(at) == RegimeStatus.SUSPENDED
                ? effectiveAt(at).stream().filter(d -> d.kind() == DecisionKind.SUSPENDED).reduce((a, b) -> b) : Optional.empty();
    }

    public RegimeRef refAt(Instant at) {
        return new RegimeRef(code, versionAt(at));
    }
}
