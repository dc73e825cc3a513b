package kz.tirkeu.sandbox.mail;

import java.time.Instant;
import java.util.Optional;

/**
 * A message as the mail catcher received it, for one recipient: a message to two people is two
 * captured mails, as it would be two inboxes.
 *
 * @param to      the envelope recipient (RCPT TO), where the message would have been delivered
 * @param from    the From header's address, or the envelope sender when the message has none
 * @param text    the text/plain part, if any
 * @param html    the text/html part, if any
 */
public record CapturedMail(String id, String to, String from, String subject, Optional<String> text, Optional<String> html,
                           Instant receivedAt) {
}
