package kz.tirkeu.regime;

/** Where a regime is in its life (Digital Code Arts. 53, 55; dissertation arts. 8–17). */
public enum RegimeStatus {
    /** An initiative proposal, under review; not yet in force. */
    PROPOSED,
    /** Established by its act, its term not yet begun. */
    ESTABLISHED,
    /** In force: within its term, neither suspended nor terminated. */
    ACTIVE,
    /** Suspended by a decision (dissertation art. 16), until resumed. */
    SUSPENDED,
    /** Ended: by expiry of its term, or by a decision. Final. */
    TERMINATED
}
