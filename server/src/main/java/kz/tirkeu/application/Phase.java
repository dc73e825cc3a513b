package kz.tirkeu.application;

/** A group of checks run together, in parallel where independent. */
public enum Phase {
    /** S1, S3, S4, S5, S7 together; then S8, which needs the buyer. */
    SELLER(ApplicationStatus.CHECKING, ApplicationStatus.AWAITING_SELLER_SIGNATURE),
    /** S11–S14 together, after the buyer agreed. */
    BUYER(ApplicationStatus.RECHECKING, ApplicationStatus.AWAITING_CHOICES),
    /** S19: S11–S14 once more, the payment with the gateway, both signatures, the register. */
    DECISION(ApplicationStatus.SUBMITTED, ApplicationStatus.REGISTERED);

    final ApplicationStatus running;
    final ApplicationStatus passed;

    Phase(ApplicationStatus running, ApplicationStatus passed) {
        this.running = running;
        this.passed = passed;
    }
}
