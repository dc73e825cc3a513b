package kz.tirkeu.application;

import java.time.Instant;
import java.util.Optional;
import kz.tirkeu.statesystems.Evidence;

/**
 * One entry of an application's action log: who did what, when, at which step, on which evidence,
 * and the status it led to. What was done, with its own facts, is the {@link Act}.
 *
 * @param viaPartner the partner system (its client id) through which the person acted, when they did not act on the platform itself
 */
public record Action(int seq, Instant at, Actor actor, Optional<String> actorIin, Optional<Step> step, ApplicationStatus status, Act act,
                     Optional<Evidence> evidence, Optional<String> viaPartner) {

    public Kind kind() {
        return act.kind();
    }

    public enum Actor { SELLER, BUYER, PLATFORM, POLICE_OFFICER, PSC_OPERATOR }

    public enum Kind {
        STARTED, CHECK_PASSED, CHECK_REFUSED, CHECK_WAITING, BUYER_IIN_CORRECTED, SELLER_SIGNED,
        BUYER_AGREED, BUYER_DECLINED, EXPIRED, CHOICES_MADE, PHONE_NEEDED, PHONE_CONFIRMED, INVOICE_CREATED, PAID, BUYER_SIGNED, SUBMITTED,
        /** S19: an officer took the case over from the automatic decision, or gave it back. */
        CASE_TAKEN_OVER, CASE_RELEASED,
        /** S19: registered (by the platform or an officer); refused by an officer (automatic refusals are CHECK_REFUSED). */
        REGISTERED, OFFICER_REFUSED,
        /** Digital Code Art. 39. */
        REVIEW_REQUESTED, REVIEW_UPHELD, REVIEW_OVERTURNED,
        /** Four eyes: one officer would overturn; a second must confirm. */
        REVIEW_OVERTURN_PROPOSED,
        /** P7–P10. */
        DOCUMENTS_READY, QUEUE_TICKET_ISSUED, HANDED_OVER
    }
}
