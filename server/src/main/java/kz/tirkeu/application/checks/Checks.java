package kz.tirkeu.application.checks;

import java.util.List;
import java.util.Set;
import kz.tirkeu.application.Refusal;
import kz.tirkeu.application.Step;
import kz.tirkeu.pki.identity.Bin;
import kz.tirkeu.pki.identity.Iin;
import kz.tirkeu.statesystems.AdministrativeFines;
import kz.tirkeu.statesystems.Answer;
import kz.tirkeu.statesystems.CustomsPayments;
import kz.tirkeu.statesystems.Individuals;
import kz.tirkeu.statesystems.LegalEntities;
import kz.tirkeu.statesystems.RecyclingFees;
import kz.tirkeu.statesystems.SaleContracts;
import kz.tirkeu.statesystems.VehiclePassports;
import kz.tirkeu.statesystems.Vin;
import kz.tirkeu.application.ApplicationProperties;
import org.springframework.stereotype.Component;

/**
 * The checks of the algorithm against the state systems, one method a step: each asks its system
 * and judges the answer. A definite "no" refuses with the algorithm's message; no answer waits.
 */
@Component
public class Checks {

    private final LegalEntities legalEntities;
    private final VehiclePassports passports;
    private final CustomsPayments customs;
    private final RecyclingFees recycling;
    private final Individuals individuals;
    private final SaleContracts contracts;
    private final AdministrativeFines fines;
    private final List<String> sellerOkedPrefixes;

    Checks(LegalEntities legalEntities, VehiclePassports passports, CustomsPayments customs, RecyclingFees recycling, Individuals individuals,
           SaleContracts contracts, AdministrativeFines fines,
           ApplicationProperties properties) {
        this.legalEntities = legalEntities;
        this.passports = passports;
        this.customs = customs;
        this.recycling = recycling;
        this.individuals = individuals;
        this.contracts = contracts;
        this.fines = fines;
        this.sellerOkedPrefixes = properties.sellerOkedPrefixes();
    }

    /**
     * S1: the seller is an active legal entity whose activity includes the sale of vehicles (OKED 4511/4519 by default),
     * and whose legal address in ГБД ЮЛ is in the territory of the regime the application runs under.
     */
    public CheckResult seller(Bin bin, Set<String> territory) {
        return switch (legalEntities.find(bin)) {
            case Answer.Found<LegalEntities.LegalEntity> found when !found.value().active() ->
                    new CheckResult.Refused(Step.S1, Refusal.SELLER_NOT_ACTIVE, "status " + found.value().status(), found.evidence());
            case Answer.Found<LegalEntities.LegalEntity> found when found.value().okeds().stream()
                    .noneMatch(oked -> sellerOkedPrefixes.stream().anyMatch(prefix -> oked.code().startsWith(prefix))) ->
                    new CheckResult.Refused(Step.S1, Refusal.SELLER_NOT_A_VEHICLE_DEALER,
                            "OKED " + found.value().okeds().stream().map(LegalEntities.Oked::code).toList(), found.evidence());
            case Answer.Found<LegalEntities.LegalEntity> found when found.value().regionCode().filter(territory::contains).isEmpty() ->
                    new CheckResult.Refused(Step.S1, Refusal.OUTSIDE_REGIME_TERRITORY, found.value().regionCode()
                            .map(region -> "legal address in region " + region + "; the regime covers " + String.join(", ", new java.util.TreeSet<>(territory)))
                            .orElse("ГБД ЮЛ gives no legal address, so the seller's region is not known"), found.evidence());
            case Answer.Found<LegalEntities.LegalEntity> found -> new CheckResult.Passed(Step.S1, found.evidence());
            case Answer.NotFound<LegalEntities.LegalEntity> none -> new CheckResult.Refused(Step.S1, Refusal.SELLER_NOT_FOUND, "BIN " + bin, none.evidence());
            case Answer.Unavailable<LegalEntities.LegalEntity> down -> waiting(Step.S1, down);
        };
    }

    /** S3 (and S12 with {@code again}): an active passport for this VIN, of a vehicle the regime covers (its ЭПТС origin). */
    public CheckResult passport(Vin vin, boolean again, Set<String> eligibleOrigins) {
        return passport(vin, again, eligibleOrigins, passports.find(vin));
    }

    /** The same rule over an answer already in hand (the registration decision reads the whole passport). */
    public CheckResult passport(Vin vin, boolean again, Set<String> eligibleOrigins, Answer<VehiclePassports.VehiclePassport> answer) {
        Step step = again ? Step.S12 : Step.S3;
        return switch (answer) {
            case Answer.Found<VehiclePassports.VehiclePassport> found when !found.value().active() ->
                    new CheckResult.Refused(step, again ? Refusal.EPTS_NO_LONGER_ACTIVE : Refusal.EPTS_NOT_ACTIVE,
                            "passport " + found.value().number() + " status " + found.value().status(), found.evidence());
            case Answer.Found<VehiclePassports.VehiclePassport> found when !eligibleOrigins.contains(found.value().origin()) ->
                    new CheckResult.Refused(step, Refusal.VEHICLE_NOT_ELIGIBLE, "origin " + found.value().origin()
                            + "; the regime covers " + String.join(", ", new java.util.TreeSet<>(eligibleOrigins)), found.evidence());
            case Answer.Found<VehiclePassports.VehiclePassport> found -> new CheckResult.Passed(step, found.evidence());
            case Answer.NotFound<VehiclePassports.VehiclePassport> none ->
                    new CheckResult.Refused(step, again ? Refusal.EPTS_NO_LONGER_ACTIVE : Refusal.EPTS_NOT_FOUND, "VIN " + vin, none.evidence());
            case Answer.Unavailable<VehiclePassports.VehiclePassport> down -> waiting(step, down);
        };
    }

    /** S4. */
    public CheckResult customs(Vin vin) {
        return switch (customs.find(vin)) {
            case Answer.Found<CustomsPayments.CustomsPayment> found when found.value().paid() -> new CheckResult.Passed(Step.S4, found.evidence());
            case Answer.Found<CustomsPayments.CustomsPayment> found ->
                    new CheckResult.Refused(Step.S4, Refusal.CUSTOMS_NOT_PAID, "declaration " + found.value().declarationNumber() + " not paid", found.evidence());
            case Answer.NotFound<CustomsPayments.CustomsPayment> none -> new CheckResult.Refused(Step.S4, Refusal.CUSTOMS_NOT_PAID, "no record", none.evidence());
            case Answer.Unavailable<CustomsPayments.CustomsPayment> down -> waiting(Step.S4, down);
        };
    }

    /** S5. */
    public CheckResult recyclingFee(Vin vin) {
        return switch (recycling.find(vin)) {
            case Answer.Found<RecyclingFees.RecyclingFee> found when found.value().settled() -> new CheckResult.Passed(Step.S5, found.evidence());
            case Answer.Found<RecyclingFees.RecyclingFee> found ->
                    new CheckResult.Refused(Step.S5, Refusal.RECYCLING_FEE_NOT_PAID, "status " + found.value().status(), found.evidence());
            case Answer.NotFound<RecyclingFees.RecyclingFee> none -> new CheckResult.Refused(Step.S5, Refusal.RECYCLING_FEE_NOT_PAID, "no record", none.evidence());
            case Answer.Unavailable<RecyclingFees.RecyclingFee> down -> waiting(Step.S5, down);
        };
    }

    /** S7 (and S11 with {@code again}): a person with this IIN, of normal status. */
    public CheckResult buyer(Iin iin, boolean again) {
        return buyer(iin, again, individuals.find(iin));
    }

    /** The same rule over an answer already in hand (the registration decision reads the whole person). */
    public CheckResult buyer(Iin iin, boolean again, Answer<Individuals.Individual> answer) {
        Step step = again ? Step.S11 : Step.S7;
        return switch (answer) {
            case Answer.Found<Individuals.Individual> found when !found.value().eligible() ->
                    new CheckResult.Refused(step, again ? Refusal.BUYER_NO_LONGER_ELIGIBLE : Refusal.BUYER_NOT_ELIGIBLE,
                            "life status " + found.value().lifeStatus(), found.evidence());
            case Answer.Found<Individuals.Individual> found -> new CheckResult.Passed(step, found.evidence());
            case Answer.NotFound<Individuals.Individual> none ->
                    new CheckResult.Refused(step, again ? Refusal.BUYER_NO_LONGER_ELIGIBLE : Refusal.BUYER_NOT_FOUND, "IIN " + iin, none.evidence());
            case Answer.Unavailable<Individuals.Individual> down -> waiting(step, down);
        };
    }

    /** S8 (and S13 with {@code again}): a signed contract between this seller and this buyer for this VIN. */
    public CheckResult contract(Vin vin, Bin seller, Iin buyer, boolean again) {
        Step step = again ? Step.S13 : Step.S8;
        return switch (contracts.find(vin, seller, buyer)) {
            case Answer.Found<SaleContracts.SaleContract> found -> new CheckResult.Passed(step, found.evidence());
            case Answer.NotFound<SaleContracts.SaleContract> none ->
                    new CheckResult.Refused(step, again ? Refusal.CONTRACT_NO_LONGER_FOUND : Refusal.CONTRACT_NOT_FOUND,
                            "VIN " + vin + ", seller " + seller + ", buyer " + buyer, none.evidence());
            case Answer.Unavailable<SaleContracts.SaleContract> down -> waiting(step, down);
        };
    }

    /** S14: no unpaid administrative fines. */
    public CheckResult fines(Iin buyer) {
        return switch (fines.unpaid(buyer)) {
            case Answer.Found<AdministrativeFines.UnpaidFines> found when !found.value().unpaid().isEmpty() ->
                    new CheckResult.Refused(Step.S14, Refusal.UNPAID_FINES, found.value().unpaid().size() + " unpaid, "
                            + found.value().totalUnpaidKzt() + " KZT", found.evidence());
            case Answer.Found<AdministrativeFines.UnpaidFines> found -> new CheckResult.Passed(Step.S14, found.evidence());
            case Answer.NotFound<AdministrativeFines.UnpaidFines> none -> new CheckResult.Passed(Step.S14, none.evidence());
            case Answer.Unavailable<AdministrativeFines.UnpaidFines> down -> waiting(Step.S14, down);
        };
    }

    private static CheckResult waiting(Step step, Answer.Unavailable<?> down) {
        return new CheckResult.Waiting(step, down.why(), down.retryAfter(), down.evidence());
    }
}
