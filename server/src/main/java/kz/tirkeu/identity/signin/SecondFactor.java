package kz.tirkeu.identity.signin;

/** How a person confirms a sign-in after the EDS step (Digital Code Art. 31(2)). */
public enum SecondFactor {
    /** A one-time code sent by SMS to the phone registered in МБГ. */
    SMS,
    /** A code from the authenticator app the person (staff) enrolled. */
    TOTP
}
