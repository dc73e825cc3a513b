package kz.tirkeu.notification;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Applies the SMS centre's delivery receipts. Idempotent: a receipt for a delivery that is already
 * delivered or failed changes nothing, so the centre may repeat receipts freely.
 */
@Service
class SmsReceipts {

    enum ReportedStatus { DELIVERED, FAILED }

    /**
     * @param reference our delivery id, as we gave it to the SMS centre
     * @param at        when the handset got it (or the centre gave up), if the centre says
     */
    record Receipt(String messageId, UUID reference, ReportedStatus status, Optional<Instant> at, String error) {}

    sealed interface Outcome {
        DeliveryStatus status();

        record Applied(DeliveryStatus status) implements Outcome {}

        record Unchanged(DeliveryStatus status) implements Outcome {}

        record UnknownDelivery() implements Outcome {
            @Override
            public DeliveryStatus status() {
                return null;
            }
        }
    }

    private final Deliveries deliveries;
    private final OneTimeCodeTexts codes;
    private final NotificationClock clock;
    private final TransactionTemplate transaction;

    SmsReceipts(Deliveries deliveries, OneTimeCodeTexts codes, NotificationClock clock, NotificationTransactions transactions) {
        this.deliveries = deliveries;
        this.codes = codes;
        this.clock = clock;
        this.transaction = transactions.template();
    }

    Outcome apply(Receipt receipt) {
        Outcome outcome = transaction.execute(status -> applyLocked(receipt));
        if (outcome instanceof Outcome.Applied) {
            codes.forget(receipt.reference());
        }
        return outcome;
    }

    private Outcome applyLocked(Receipt receipt) {
        Optional<Deliveries.Current> found = deliveries.lockSms(receipt.reference());
        if (found.isEmpty()) {
            return new Outcome.UnknownDelivery();
        }
        Deliveries.Current delivery = found.get();
        if (delivery.status() == DeliveryStatus.DELIVERED || delivery.status() == DeliveryStatus.FAILED) {
            return new Outcome.Unchanged(delivery.status());
        }
        // A "failed" about an earlier try's message says nothing about the message now on its way.
        if (receipt.status() == ReportedStatus.FAILED && delivery.providerMessageId() != null
                && !Objects.equals(delivery.providerMessageId(), receipt.messageId())) {
            return new Outcome.Unchanged(delivery.status());
        }
        Instant now = clock.instant();
        if (delivery.status() == DeliveryStatus.CREATED) {
            // The receipt overtook our own record of the hand-over (or a try we took for failed, timed out,
            // got through): the centre evidently accepted it. Recording that also stops a duplicate retry.
            deliveries.markSentByReceipt(delivery, receipt.messageId(), now);
        }
        String message = receipt.messageId() == null ? "" : " for message " + receipt.messageId();
        if (receipt.status() == ReportedStatus.DELIVERED) {
            deliveries.markDeliveredByReceipt(delivery, receipt.at().orElse(now), now,
                    "delivery receipt" + message + ": delivered" + receipt.at().map(at -> " at " + at).orElse(""));
            return new Outcome.Applied(DeliveryStatus.DELIVERED);
        }
        String error = receipt.error() == null || receipt.error().isBlank() ? "no reason given" : abbreviate(receipt.error());
        deliveries.markFailedByReceipt(delivery, "SMS centre: " + error, now,
                "delivery receipt" + message + ": failed (" + error + ")");
        return new Outcome.Applied(DeliveryStatus.FAILED);
    }

    private static String abbreviate(String text) {
        String line = text.replaceAll("\\s+", " ").strip();
        return line.length() <= 200 ? line : line.substring(0, 200) + "…";
    }
}
