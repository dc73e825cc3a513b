package kz.tirkeu.notification;

/** How a notice reaches a person. The cabinet inbox always; SMS and e-mail where the person has them. */
public enum Channel {
    /** The personal cabinet's inbox: delivered as soon as it is stored, read when the person opens it. */
    INBOX,
    /** To the phone МБГ holds for the person, through the SMS centre, which reports delivery. */
    SMS,
    /** To an address the person gave voluntarily. SMTP reports acceptance, not delivery. */
    EMAIL
}
