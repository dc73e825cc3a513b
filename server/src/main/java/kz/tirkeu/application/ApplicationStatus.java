package kz.tirkeu.application;

/** Where an application stands; derived from its action log, never set by hand. */
public enum ApplicationStatus {
    /** S1–S8: checks running. */
    CHECKING(false),
    /** A state system does not answer; the step is asked again later (never a refusal). */
    WAITING_FOR_STATE_SYSTEM(false),
    /** S7 found no such IIN: the seller may correct it. */
    BUYER_IIN_CORRECTION(false),
    /** S9. */
    AWAITING_SELLER_SIGNATURE(false),
    /** S10, until the deadline. */
    AWAITING_BUYER_CONSENT(false),
    /** S11–S14. */
    RECHECKING(false),
    /** S15. */
    AWAITING_CHOICES(false),
    /** S16, when МБГ has no phone: the buyer enters one and confirms it. */
    AWAITING_PHONE(false),
    /** S17. */
    AWAITING_PAYMENT(false),
    /** S18. */
    AWAITING_BUYER_SIGNATURE(false),
    /** S19: in the region's police queue, awaiting the registration decision (automatic unless an officer takes it over). */
    SUBMITTED(false),
    /** S19 done: the vehicle is in the register with a plate and a certificate; both are being produced (G6). */
    REGISTERED(false),
    /** P7: the certificate and the plates are at the PSC. */
    READY_FOR_COLLECTION(false),
    /** P10: handed over. The application is finished; the VIN stays taken, by the register. */
    HANDED_OVER(false),
    /** Digital Code Art. 39: a person asked for an officer's review of an automated refusal. */
    UNDER_REVIEW(false),
    REFUSED(true),
    DECLINED(true),
    EXPIRED(true);

    private final boolean closed;

    ApplicationStatus(boolean closed) {
        this.closed = closed;
    }

    /** A closed application frees its VIN for a new one. */
    public boolean closed() {
        return closed;
    }
}
