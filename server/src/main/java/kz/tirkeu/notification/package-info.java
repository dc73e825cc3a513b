/**
 * The single notification point (Digital Code Art. 47): every notice to a person is stored, delivered to
 * the cabinet inbox at once and, where the person has them, by SMS (to the phone МБГ holds) and e-mail
 * (to an address they gave), each delivery with its status (created → sent → delivered | failed) and a
 * history of every change; a notice is read when the person opens it in the cabinet, and only then.
 *
 * <p>What other areas use:
 * <ul>
 *   <li>{@link kz.tirkeu.notification.NotificationPoint}: {@code notify} (returns at once; sending is
 *       durable background work) and {@code sendOneTimeCode} (tries the SMS before returning; the code
 *       is never stored);</li>
 *   <li>{@link kz.tirkeu.notification.Inbox}: the cabinet's list of notices and "opened", for the REST
 *       layer, always with the signed-in person's IIN;</li>
 *   <li>{@link kz.tirkeu.notification.RecipientPreferences}: language and a voluntary e-mail address,
 *       and its withdrawal;</li>
 *   <li>{@link kz.tirkeu.notification.DeliveryTracking}: the status and history of one delivery.</li>
 * </ul>
 *
 * <p>{@code POST /api/v1/notifications/sms-receipts} is called by the SMS centre, not by a person: it
 * must stay reachable without a session or CSRF token; the HMAC signature of its body authenticates it.
 */
package kz.tirkeu.notification;
