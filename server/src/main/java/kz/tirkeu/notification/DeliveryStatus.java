package kz.tirkeu.notification;

/** created → sent → delivered or failed. Delivered and failed are final. */
public enum DeliveryStatus {
    /** Stored, not yet handed over (or waiting for its next attempt). */
    CREATED,
    /** Accepted by the SMS centre or the SMTP server. */
    SENT,
    /** Confirmed at the person's end: in the inbox, or the SMS centre's delivery receipt. */
    DELIVERED,
    /** Given up: attempts exhausted, refused by the provider, or nowhere to send it. */
    FAILED
}
