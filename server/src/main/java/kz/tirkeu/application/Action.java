package kz.tirkeu.application;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import kz.tirkeu.statesystems.Evidence;

/**
 * One entry of an application's action log: who did what, when, at which step, on which evidence,
 * and the status it led to.
 */
public record Action(int seq, Instant at, Actor actor, Optional<String> actorIin, Kind kind, Optional<Step> step,
                     ApplicationStatus status, Map<String, String> detail, Optional<Evidence> evidence) {

    public enum Actor { SELLER, BUYER, PLATFORM, POLICE_OFFICER }

    public enum Kind {
        STARTED, CHECK_PASSED, CHECK_REFUSED, CHECK_WAITING, BUYER_IIN_CORRECTED, SELLER_SIGNED,
        BUYER_AGREED, BUYER_DECLINED, EXPIRED, CHOICES_MADE, PHONE_NEEDED, PHONE_CONFIRMED, INVOICE_CREATED, PAID, BUYER_SIGNED, SUBMITTED
    }
}
