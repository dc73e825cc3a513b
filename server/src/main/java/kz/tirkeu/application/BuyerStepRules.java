package kz.tirkeu.application;

import kz.tirkeu.platform.CannotServe;
import java.util.Optional;
import kz.tirkeu.identity.SignedInPerson;

/** What every buyer's step (S15–S18) asks first: the application is this buyer's, and it is at this step. */
final class BuyerStepRules {

    private BuyerStepRules() {
    }

    /** Someone else's application is "not found", never "not yours": its existence is not told. */
    static ApplicationRecord own(SignedInPerson buyer, Optional<ApplicationRecord> record) {
        return record.filter(a -> a.buyerIin().equals(buyer.iin())).orElseThrow(ApplicationProcess::notFound);
    }

    static void require(ApplicationRecord record, ApplicationStatus expected) {
        if (record.status() != expected) {
            // NOT_AWAITING_CHOICES, NOT_AWAITING_PHONE, NOT_AWAITING_PAYMENT, NOT_AWAITING_BUYER_SIGNATURE: one text for all.
            throw new ApplicationRefused("NOT_" + expected.name(), CannotServe.Reason.CONFLICT,
                    "This step needs the application to be " + expected + "; it is " + record.status() + ".",
                    CannotServe.named("status." + expected.name(), expected.name()), ApplicationRefused.status(record)).toldAs("NOT_IN_STEP");
        }
    }
}
