package kz.tirkeu.notification;

import java.util.Locale;
import kz.tirkeu.pki.identity.Iin;
import kz.tirkeu.statesystems.PhoneNumber;

/**
 * The single notification point (Digital Code Art. 47): every notice to a person goes through here,
 * is stored with one delivery per channel (cabinet inbox always; SMS and e-mail where the person has
 * them), and carries delivered/read statuses. Other areas depend on this interface only.
 */
public interface NotificationPoint {

    /** Stores the notice and schedules its deliveries; returns at once (delivery is durable background work). */
    NoticeId notify(NoticeRequest request);

    /**
     * Sends a one-time sign-in code by SMS, now, to the number МБГ holds. Not a cabinet notice (the
     * person is not signed in yet); the code itself is not kept once sent.
     */
    DeliveryId sendOneTimeCode(Iin recipient, PhoneNumber phone, String code, Locale locale);

    /**
     * How many one-time codes went to this number since a moment, whoever asked: for rate limits on whatever sends a code
     * to a number a person typed (SMS bombing of a third party).
     */
    long codesSentTo(PhoneNumber phone, java.time.Instant since);
}
