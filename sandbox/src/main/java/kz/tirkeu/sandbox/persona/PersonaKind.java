package kz.tirkeu.sandbox.persona;

/** Who a test persona plays in the registration process. */
public enum PersonaKind {
    /** An individual who buys a new car and signs the application (role 1.2.398.3.3.4.1.1). */
    BUYER,
    /** An employee of a dealer, signing for the dealer's BIN (role 1.2.398.3.3.4.1.2.x). */
    DEALER_EMPLOYEE,
    /**
     * A person who works the platform: PSC (ЦОН) operator, police officer, auditor, administrator. Their
     * certificates are plain individual ones; the platform grants them their staff roles.
     */
    STAFF,
    /** The platform's own organisation key (a BIN, no IIN), which signs the registration certificates it issues. */
    PLATFORM,
    /**
     * A partner's information system (a dealer's system, a bank's app) that calls the platform's API as a machine client:
     * an organisation key (the partner's BIN, no IIN) for authentication, which signs its OAuth client assertions.
     */
    PARTNER_SYSTEM;

    /** Whether this is an organisation's system rather than a person: no phone, no NCALayer card, no sign-in. */
    public boolean isSystem() {
        return this == PLATFORM || this == PARTNER_SYSTEM;
    }
}
