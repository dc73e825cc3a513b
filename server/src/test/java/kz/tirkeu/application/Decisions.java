package kz.tirkeu.application;

/**
 * Lets a test outside this package take the registration decision (S19) that the server takes by
 * itself in the default run ({@code tirkeu.registration.decide-in-background=false} in tests).
 */
public final class Decisions {

    private Decisions() {}

    /** Decides every application due now; returns how many were decided. */
    public static int decideDue(RegistrationDecision decision) {
        return decision.decideDue();
    }
}
