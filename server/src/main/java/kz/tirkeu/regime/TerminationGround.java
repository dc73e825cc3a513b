package kz.tirkeu.regime;

/** Why a regime ended (DOMAIN.md §4; dissertation art. 17). */
public enum TerminationGround {
    /** The term ran out: by itself, never by a decision. */
    TERM_EXPIRED,
    /** A decision of the authorised body. */
    AUTHORISED_BODY_DECISION,
    /** At the request of the subjects (the participants). */
    SUBJECT_REQUEST,
    /** Risks found in monitoring that the regime cannot bear. */
    RISKS_FOUND
}
