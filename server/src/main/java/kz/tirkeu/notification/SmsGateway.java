package kz.tirkeu.notification;

import java.net.URI;

import kz.tirkeu.statesystems.PhoneNumber;

/** The SMS centre, as the notification point needs it: hand over one message, learn its id. */
interface SmsGateway {

    /**
     * @param reference   our delivery id; the SMS centre echoes it in the delivery receipt
     * @param callbackUrl where the SMS centre posts the delivery receipt
     */
    record OutgoingSms(PhoneNumber to, String text, String reference, URI callbackUrl) {}

    SendOutcome send(OutgoingSms sms);
}
