package kz.tirkeu.notification;

/** What handing one message to its receiver (the SMS centre, the SMTP server, a partner's webhook) came to. */
public sealed interface SendOutcome {

    /** The provider took the message; for SMS a delivery receipt follows, for e-mail nothing does. */
    record Accepted(String providerMessageId) implements SendOutcome {}

    /** The provider refused this message for good (e.g. an address that does not exist): retrying cannot help. */
    record Rejected(String reason) implements SendOutcome {}

    /** The provider could not be reached or failed (timeout, 5xx): an attempt that counts, and a retry later. */
    record Unavailable(String reason) implements SendOutcome {}

    /**
     * Not tried: the circuit breaker is open after repeated failures. Not the delivery's fault, so it is
     * deferred without using up an attempt.
     */
    record HeldBack(String reason) implements SendOutcome {}
}
