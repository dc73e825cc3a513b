package kz.tirkeu.regime;

/**
 * The decisions of a regime's life (dissertation arts. 8–17). Expiry of the term is not among them: it takes
 * effect by itself at the end of the term's last day (see {@link Term#expiresAt()}).
 */
public enum DecisionKind {
    /** The initiative proposal (art. 8), with its parameters: version 1. */
    PROPOSED,
    /** Established by its act (art. 10): in force from the first day of its term. */
    ESTABLISHED,
    /** Modified (art. 15): a new version of the parameters, e.g. a prolongation of the term. */
    MODIFIED,
    /** A dealer obtains the status of a subject (art. 11): a new version with it. */
    SUBJECT_ADMITTED,
    /** A dealer loses that status, with the reason (art. 11): a new version with the exclusion. */
    SUBJECT_EXCLUDED,
    /** Suspended (art. 16): nothing new starts until resumed. */
    SUSPENDED,
    RESUMED,
    /** Terminated early by a decision (art. 17), on a ground. */
    TERMINATED;

    /** Whether the decision makes a new version of the parameters. */
    public boolean changesParameters() {
        return this == PROPOSED || this == MODIFIED || this == SUBJECT_ADMITTED || this == SUBJECT_EXCLUDED;
    }
}
