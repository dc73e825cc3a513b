package kz.tirkeu.notification;

import jakarta.mail.MessagingException;
import jakarta.mail.SendFailedException;
import jakarta.mail.internet.MimeMessage;

import org.springframework.mail.MailAuthenticationException;
import org.springframework.mail.MailException;
import org.springframework.mail.MailParseException;
import org.springframework.mail.MailPreparationException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;

/**
 * E-mail over SMTP ({@code spring.mail.*}; by default the sandbox's mail catcher on port 2525).
 *
 * <p>Plain SMTP has no delivery receipt: the most we learn is that the server accepted the message. So
 * an e-mail delivery ends at SENT and never becomes DELIVERED; a notice counts as received when the
 * person reads it in the cabinet. The message is plain text with no images or tracked links, because the
 * platform must not learn that someone read an e-mail behind their back.
 */
final class SmtpEmailGateway implements EmailGateway {

    static final String DELIVERY_HEADER = "X-Tirkeu-Delivery";

    private final JavaMailSender mail;
    private final String from;
    private final OutboundBreaker breaker;

    SmtpEmailGateway(JavaMailSender mail, String from, OutboundBreaker breaker) {
        this.mail = mail;
        this.from = from;
        this.breaker = breaker;
    }

    @Override
    public SendOutcome send(OutgoingEmail email) {
        MimeMessage message;
        try {
            message = mail.createMimeMessage();
            MimeMessageHelper helper = new MimeMessageHelper(message, false, "UTF-8");
            helper.setFrom(from);
            helper.setTo(email.to());
            helper.setSubject(email.subject());
            helper.setText(email.body(), false);
            message.setHeader(DELIVERY_HEADER, email.reference());
        } catch (MessagingException | MailParseException | MailPreparationException e) {
            return new SendOutcome.Rejected("the e-mail could not be composed for this address: " + e.getClass().getSimpleName());
        }
        return breaker.call(() -> transmit(message));
    }

    private SendOutcome transmit(MimeMessage message) {
        try {
            mail.send(message);
            return new SendOutcome.Accepted(message.getMessageID());
        } catch (MailAuthenticationException e) {
            return new SendOutcome.Unavailable("SMTP server refused our credentials");
        } catch (MailException e) {
            if (refusedRecipient(e)) {
                return new SendOutcome.Rejected("SMTP server refused the recipient address");
            }
            return new SendOutcome.Unavailable("SMTP server unavailable: " + rootCauseName(e));
        } catch (MessagingException e) {
            // Only reading the Message-ID can throw this, after the server accepted the message.
            return new SendOutcome.Accepted(null);
        }
    }

    /** A 5xx answer to RCPT TO: the mail library reports it as an invalid address. A 4xx is "try later". */
    private static boolean refusedRecipient(Throwable e) {
        for (Throwable cause = e; cause != null; cause = next(cause)) {
            if (cause instanceof SendFailedException failed
                    && failed.getInvalidAddresses() != null && failed.getInvalidAddresses().length > 0) {
                return true;
            }
        }
        if (e instanceof org.springframework.mail.MailSendException send) {
            for (Exception failure : send.getFailedMessages().values()) {
                if (failure != e && refusedRecipient(failure)) {
                    return true;
                }
            }
        }
        return false;
    }

    private static Throwable next(Throwable cause) {
        if (cause instanceof MessagingException messaging && messaging.getNextException() != null
                && messaging.getNextException() != cause) {
            return messaging.getNextException();
        }
        return cause.getCause() == cause ? null : cause.getCause();
    }

    private static String rootCauseName(Throwable e) {
        Throwable root = e;
        while (next(root) != null) {
            root = next(root);
        }
        return root.getClass().getSimpleName();
    }
}
