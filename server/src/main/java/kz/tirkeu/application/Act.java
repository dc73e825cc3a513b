package kz.tirkeu.application;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * What one entry of an application's action log records, one type per {@link Action.Kind} with its own facts. Rules
 * read these fields, never keys of a map; the log stores each as RFC 8785 canonical JSON ({@link Acts}), so that the
 * same entry always has the same bytes — what the tamper-evident journal hashes.
 *
 * <p>Field names are the log's stored names (and the API's {@code detail} keys): renaming one is a migration.
 */
public sealed interface Act {

    Action.Kind kind();

    /** The Art. 39 sentence a waived refusal is shown with, in one place. */
    String WAIVED_BECAUSE = "An officer overturned this refusal on review (Digital Code Art. 39).";

    /** S1–S2, S6: the seller started the application. */
    record Started(String vin, String buyerIin, String sellerBin, boolean vinCheckDigitMatches, String channel, Optional<String> regime,
                   Optional<Integer> regimeVersion, Optional<String> startedAgainFrom) implements Act {
        public Action.Kind kind() {
            return Action.Kind.STARTED;
        }
    }

    /** One check of a round: the checks of a phase run together, are recorded together, and share the {@code round}. */
    sealed interface Check extends Act {
        UUID round();

        Phase phase();

        String check();
    }

    /**
     * A check that passed.
     *
     * @param check  what was checked: the step ("S3") or, in the decision, its own checks ("payment", "buyer-signature", …)
     * @param found  what the platform found, in words, when it says more than the evidence
     * @param waived the refusal this check would have made, had an officer not overturned it on review (Art. 39)
     * @param facts  what the check rested on besides a state system's evidence (a signature's indication)
     */
    record CheckPassed(UUID round, Phase phase, String check, Optional<String> found, Optional<Refusal> waived, Map<String, String> facts)
            implements Check {
        public CheckPassed {
            facts = facts == null ? Map.of() : Map.copyOf(facts);
        }

        public Action.Kind kind() {
            return Action.Kind.CHECK_PASSED;
        }
    }

    /**
     * An automated refusal (Digital Code Art. 28(6–7)): its code, the algorithm's message and the rule version as they
     * stood when it was made, and what was found. Only these may be sent for human review (Art. 39).
     */
    record CheckRefused(UUID round, Phase phase, String check, Refusal code, String message, String found, String ruleVersion,
                        Map<String, String> facts) implements Check {
        public CheckRefused {
            facts = facts == null ? Map.of() : Map.copyOf(facts);
        }

        public Action.Kind kind() {
            return Action.Kind.CHECK_REFUSED;
        }
    }

    /** A state system did not answer: not a refusal; the round is asked again later. */
    record CheckWaiting(UUID round, Phase phase, String check, String why, Map<String, String> facts) implements Check {
        public CheckWaiting {
            facts = facts == null ? Map.of() : Map.copyOf(facts);
        }

        public Action.Kind kind() {
            return Action.Kind.CHECK_WAITING;
        }
    }

    record BuyerIinCorrected(String from, String to) implements Act {
        public Action.Kind kind() {
            return Action.Kind.BUYER_IIN_CORRECTED;
        }
    }

    record SellerSigned(Instant buyerDeadline) implements Act {
        public Action.Kind kind() {
            return Action.Kind.SELLER_SIGNED;
        }
    }

    /** S10; the consent records which version of the regime's text the buyer was shown (Art. 52(3)). */
    record BuyerAgreed(Optional<String> regimeShown, Optional<Integer> regimeVersionShown) implements Act {
        public Action.Kind kind() {
            return Action.Kind.BUYER_AGREED;
        }
    }

    record BuyerDeclined(Optional<String> regimeShown, Optional<Integer> regimeVersionShown) implements Act {
        public Action.Kind kind() {
            return Action.Kind.BUYER_DECLINED;
        }
    }

    record Expired(Optional<Instant> deadline) implements Act {
        public Action.Kind kind() {
            return Action.Kind.EXPIRED;
        }
    }

    record ChoicesMade(String pscCode, String pscName, String region, String plateType) implements Act {
        public Action.Kind kind() {
            return Action.Kind.CHOICES_MADE;
        }
    }

    /** @param mbg why the buyer must enter a number: МБГ has none, or does not answer */
    record PhoneNeeded(String mbg) implements Act {
        public Action.Kind kind() {
            return Action.Kind.PHONE_NEEDED;
        }
    }

    /** @param phone masked: the log is read by many, the number is the buyer's */
    record PhoneConfirmed(String source, String phone) implements Act {
        public Action.Kind kind() {
            return Action.Kind.PHONE_CONFIRMED;
        }
    }

    record InvoiceCreated(String invoiceId, long amountKzt) implements Act {
        public Action.Kind kind() {
            return Action.Kind.INVOICE_CREATED;
        }
    }

    record Paid(String invoiceId, String paymentId, long amountKzt) implements Act {
        public Action.Kind kind() {
            return Action.Kind.PAID;
        }
    }

    record BuyerSigned() implements Act {
        public Action.Kind kind() {
            return Action.Kind.BUYER_SIGNED;
        }
    }

    /** S19 begins: the application is in the queue of the administrative police of {@code region}. */
    record Submitted(String region) implements Act {
        public Action.Kind kind() {
            return Action.Kind.SUBMITTED;
        }
    }

    record CaseTakenOver(@JsonProperty("case") PoliceCase.Kind policeCase) implements Act {
        public Action.Kind kind() {
            return Action.Kind.CASE_TAKEN_OVER;
        }
    }

    record CaseReleased(@JsonProperty("case") PoliceCase.Kind policeCase) implements Act {
        public Action.Kind kind() {
            return Action.Kind.CASE_RELEASED;
        }
    }

    /** @param automated decided by the platform, not by an officer who took the case over */
    record Registered(String plate, String region, String certificate, String verificationUrl, String psc, boolean automated, String ruleVersion)
            implements Act {
        public Action.Kind kind() {
            return Action.Kind.REGISTERED;
        }
    }

    /** An officer's reasoned refusal (S19): not automated, so open to appeal, not to Art. 39 review. */
    record OfficerRefused(String code, String reason, String message, String ruleVersion) implements Act {
        public OfficerRefused {
            if (!RefusalTexts.BY_OFFICER.equals(code)) {
                throw new IllegalArgumentException("an officer's refusal is logged under " + RefusalTexts.BY_OFFICER + ", not " + code);
            }
        }

        static OfficerRefused because(String reason) {
            return new OfficerRefused(RefusalTexts.BY_OFFICER, reason, "The service cannot be provided: " + reason, ProcessDefinition.VERSION);
        }

        public Action.Kind kind() {
            return Action.Kind.OFFICER_REFUSED;
        }
    }

    record ReviewRequested(UUID reviewId, String refusalCode, String comment, Instant deadline) implements Act {
        public Action.Kind kind() {
            return Action.Kind.REVIEW_REQUESTED;
        }
    }

    record ReviewOverturnProposed(UUID reviewId, String reason) implements Act {
        public Action.Kind kind() {
            return Action.Kind.REVIEW_OVERTURN_PROPOSED;
        }
    }

    record ReviewUpheld(UUID reviewId, String refusalCode, String reason) implements Act {
        public Action.Kind kind() {
            return Action.Kind.REVIEW_UPHELD;
        }
    }

    record ReviewOverturned(UUID reviewId, String refusalCode, String reason) implements Act {
        public Action.Kind kind() {
            return Action.Kind.REVIEW_OVERTURNED;
        }
    }

    record DocumentsReady(String psc) implements Act {
        public Action.Kind kind() {
            return Action.Kind.DOCUMENTS_READY;
        }
    }

    record QueueTicketIssued(String psc, String ticket, String identityCheckedBy) implements Act {
        public Action.Kind kind() {
            return Action.Kind.QUEUE_TICKET_ISSUED;
        }
    }

    record HandedOver(String psc, List<String> plateSerials, String certificateBlankNumber) implements Act {
        public HandedOver {
            plateSerials = plateSerials == null ? List.of() : List.copyOf(plateSerials);
        }

        public Action.Kind kind() {
            return Action.Kind.HANDED_OVER;
        }
    }

    /** The type that records a kind of action: how a stored entry is read back. */
    static Class<? extends Act> typeOf(Action.Kind kind) {
        return switch (Objects.requireNonNull(kind)) {
            case STARTED -> Started.class;
            case CHECK_PASSED -> CheckPassed.class;
            case CHECK_REFUSED -> CheckRefused.class;
            case CHECK_WAITING -> CheckWaiting.class;
            case BUYER_IIN_CORRECTED -> BuyerIinCorrected.class;
            case SELLER_SIGNED -> SellerSigned.class;
            case BUYER_AGREED -> BuyerAgreed.class;
            case BUYER_DECLINED -> BuyerDeclined.class;
            case EXPIRED -> Expired.class;
            case CHOICES_MADE -> ChoicesMade.class;
            case PHONE_NEEDED -> PhoneNeeded.class;
            case PHONE_CONFIRMED -> PhoneConfirmed.class;
            case INVOICE_CREATED -> InvoiceCreated.class;
            case PAID -> Paid.class;
            case BUYER_SIGNED -> BuyerSigned.class;
            case SUBMITTED -> Submitted.class;
            case CASE_TAKEN_OVER -> CaseTakenOver.class;
            case CASE_RELEASED -> CaseReleased.class;
            case REGISTERED -> Registered.class;
            case OFFICER_REFUSED -> OfficerRefused.class;
            case REVIEW_REQUESTED -> ReviewRequested.class;
            case REVIEW_UPHELD -> ReviewUpheld.class;
            case REVIEW_OVERTURNED -> ReviewOverturned.class;
            case REVIEW_OVERTURN_PROPOSED -> ReviewOverturnProposed.class;
            case DOCUMENTS_READY -> DocumentsReady.class;
            case QUEUE_TICKET_ISSUED -> QueueTicketIssued.class;
            case HANDED_OVER -> HandedOver.class;
        };
    }
}
