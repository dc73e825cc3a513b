package kz.tirkeu.application;

/**
 * The refusals of the algorithm, each with its step, a stable code and the algorithm's own message
 * (DOMAIN.md §1.2: "The service cannot be provided.", "Enter a correct IIN.", "Pay the fines and
 * submit again."), followed by what the platform found.
 */
public enum Refusal {
    SELLER_NOT_A_VEHICLE_DEALER(Step.S1, "The service cannot be provided: the seller's activity (OKED) is not the sale of vehicles."),
    SELLER_NOT_ACTIVE(Step.S1, "The service cannot be provided: the seller is not an active legal entity."),
    SELLER_NOT_FOUND(Step.S1, "The service cannot be provided: the seller is not in the state database of legal entities."),
    /** The regime's territory (issue [6]): the region of the seller's legal address in ГБД ЮЛ. */
    OUTSIDE_REGIME_TERRITORY(Step.S1, "The service cannot be provided: the seller's legal address is outside the territory of the experimental legal regime."),
    EPTS_NOT_FOUND(Step.S3, "The service cannot be provided: the vehicle has no electronic passport."),
    EPTS_NOT_ACTIVE(Step.S3, "The service cannot be provided: the vehicle's electronic passport is not active."),
    VEHICLE_NOT_ELIGIBLE(Step.S3, "The service cannot be provided: the pilot covers vehicles made in Kazakhstan or imported by official dealers."),
    CUSTOMS_NOT_PAID(Step.S4, "The service cannot be provided: customs payments for the vehicle are not paid."),
    RECYCLING_FEE_NOT_PAID(Step.S5, "The service cannot be provided: the recycling fee for the vehicle is not paid."),
    BUYER_NOT_FOUND(Step.S7, "Enter a correct IIN: no person with this IIN is in the state database of individuals."),
    BUYER_NOT_ELIGIBLE(Step.S7, "The service cannot be provided: the buyer's status in the state database of individuals does not allow it."),
    CONTRACT_NOT_FOUND(Step.S8, "The service cannot be provided: there is no sale-purchase contract between the seller and the buyer for this VIN."),
    BUYER_NO_LONGER_ELIGIBLE(Step.S11, "The service cannot be provided: the buyer's status in the state database of individuals has changed."),
    EPTS_NO_LONGER_ACTIVE(Step.S12, "The service cannot be provided: the vehicle's electronic passport is no longer active."),
    CONTRACT_NO_LONGER_FOUND(Step.S13, "The service cannot be provided: the sale-purchase contract is no longer found."),
    UNPAID_FINES(Step.S14, "Pay the fines and submit again."),
    // S19: what the registration decision itself finds, beyond the rechecks of S11–S14 it repeats.
    PAYMENT_NOT_CONFIRMED(Step.S19, "The service cannot be provided: the payment gateway does not confirm the payment of the duties and fees."),
    SELLER_SIGNATURE_NOT_VALID(Step.S19, "The service cannot be provided: the seller's signature on the application is no longer valid."),
    BUYER_SIGNATURE_NOT_VALID(Step.S19, "The service cannot be provided: the buyer's signature on the application is no longer valid."),
    VEHICLE_ALREADY_REGISTERED(Step.S19, "The service cannot be provided: the vehicle is already in the register of vehicles."),
    /** The regime the application started under is suspended or terminated, and its rule stops applications in flight. */
    REGIME_NO_LONGER_IN_FORCE(Step.S19, "The service cannot be provided: the experimental legal regime the application was started under is no longer in force.");

    private final Step step;
    private final String message;

    Refusal(Step step, String message) {
        this.step = step;
        this.message = message;
    }

    public Step step() {
        return step;
    }

    public String message() {
        return message;
    }

    /**
     * Whether an officer may overturn it on review (Art. 39). Not a VIN already in the register: the
     * database holds one registration per VIN, so only cancelling the other registration can free it.
     */
    public boolean overturnable() {
        return this != VEHICLE_ALREADY_REGISTERED && !regimeRule();
    }

    /**
     * A limit the experimental legal regime's act sets (territory, eligible vehicles, its end), not a decision about
     * the applicant: no officer can widen the regime, so there is no review of it under Art. 39; complaints go to the
     * regime's authorised body.
     */
    public boolean regimeRule() {
        return this == OUTSIDE_REGIME_TERRITORY || this == VEHICLE_NOT_ELIGIBLE || this == REGIME_NO_LONGER_IN_FORCE;
    }

    /** Whether the seller can put it right in the same application (S7: a mistyped IIN). */
    public boolean correctable() {
        return this == BUYER_NOT_FOUND;
    }
}
