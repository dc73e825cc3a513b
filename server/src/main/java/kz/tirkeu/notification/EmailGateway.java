package kz.tirkeu.notification;

/** The outgoing mail server, as the notification point needs it. */
interface EmailGateway {

    /** @param reference our delivery id, carried in a header so that a bounce can be traced to its delivery */
    record OutgoingEmail(String to, String subject, String body, String reference) {}

    SendOutcome send(OutgoingEmail email);
}
