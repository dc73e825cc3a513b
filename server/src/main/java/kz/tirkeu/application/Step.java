package kz.tirkeu.application;

/**
 * The steps of the pilot algorithm (appendix to order 754/499, item 4; DOMAIN.md §1.2), who takes
 * each, and what it does. The numbering is the order's.
 */
public enum Step {
    S1(Actor.SELLER, "The seller, a legal entity selling vehicles, starts the application; its OKED is checked (ГБД ЮЛ)."),
    S2(Actor.SELLER, "The seller enters the VIN."),
    S3(Actor.PLATFORM, "The electronic vehicle passport is checked (ЭПТС)."),
    S4(Actor.PLATFORM, "Customs payments are checked."),
    S5(Actor.PLATFORM, "The recycling fee is checked."),
    S6(Actor.SELLER, "The seller enters the buyer's IIN."),
    S7(Actor.PLATFORM, "The buyer's status and personal data are read from ГБД ФЛ."),
    S8(Actor.PLATFORM, "The sale-purchase contract is read from the e-contract systems."),
    S9(Actor.SELLER, "The seller signs the application with EDS."),
    S10(Actor.BUYER, "The buyer is notified in the personal cabinet and agrees (or declines)."),
    S11(Actor.PLATFORM, "ГБД ФЛ is asked again for the buyer's current status and data."),
    S12(Actor.PLATFORM, "ЭПТС is checked again."),
    S13(Actor.PLATFORM, "The contract is read again."),
    S14(Actor.PLATFORM, "ЕРАП is asked for the buyer's unpaid administrative fines."),
    S15(Actor.BUYER, "The buyer chooses the public service centre and the plate type."),
    S16(Actor.PLATFORM, "МБГ is asked for the buyer's registered phone; without one the buyer enters a number."),
    S17(Actor.BUYER, "The buyer pays the duties and fees through the e-gov payment gateway."),
    S18(Actor.BUYER, "The buyer signs the application with EDS."),
    S19(Actor.POLICE, "The administrative police decide: registration or a reasoned refusal."),
    // Chapter 2 of the algorithm: collecting the documents at the PSC.
    P7(Actor.BUYER, "The certificate and plates are at the chosen PSC; the buyer comes to its reception."),
    P8(Actor.PSC, "Reception checks the buyer's identity document (or a document of the digital documents service) and issues an electronic queue ticket."),
    P9(Actor.PSC, "The buyer shows the identity document with the application number to the issuance sector."),
    P10(Actor.PSC, "The issuance sector hands over the registration certificate (СРТС) and the plates (ГРНЗ).");

    public enum Actor { SELLER, BUYER, PLATFORM, POLICE, PSC }

    private final Actor actor;
    private final String description;

    Step(Actor actor, String description) {
        this.actor = actor;
        this.description = description;
    }

    public Actor actor() {
        return actor;
    }

    public String description() {
        return description;
    }
}
