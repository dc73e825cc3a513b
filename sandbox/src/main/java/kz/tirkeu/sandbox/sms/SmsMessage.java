package kz.tirkeu.sandbox.sms;

import java.net.URI;
import java.time.Instant;
import java.util.Optional;
import kz.tirkeu.sandbox.mobile.MobileNumber;

/**
 * One SMS the centre took, as it stands now.
 *
 * @param reference   the sender's own id for the message, returned in the receipt
 * @param callbackUrl where the delivery receipt goes, if anywhere
 * @param statusAt    when the status last changed
 * @param error       why delivery failed, when it did
 * @param receipt     how posting the delivery receipt went
 */
public record SmsMessage(String id, MobileNumber to, String text, Optional<String> reference, Optional<URI> callbackUrl,
                         Instant sentAt, Status status, Instant statusAt, Optional<String> error, Receipt receipt) {

    public enum Status { ACCEPTED, DELIVERED, FAILED }

    /**
     * @param state    NONE (no callback URL), PENDING, POSTED (the callback answered 2xx) or GAVE_UP
     * @param attempts how many times the centre tried to post it
     * @param lastError what went wrong on the last failed attempt
     */
    public record Receipt(ReceiptState state, int attempts, Optional<String> lastError) {
        static Receipt none() {
            return new Receipt(ReceiptState.NONE, 0, Optional.empty());
        }
    }

    public enum ReceiptState { NONE, PENDING, POSTED, GAVE_UP }

    SmsMessage withStatus(Status newStatus, Instant at, Optional<String> why) {
        return new SmsMessage(id, to, text, reference, callbackUrl, sentAt, newStatus, at, why, receipt);
    }

    SmsMessage withReceipt(Receipt newReceipt) {
        return new SmsMessage(id, to, text, reference, callbackUrl, sentAt, status, statusAt, error, newReceipt);
    }
}
