package kz.tirkeu.issuance.psc;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import kz.tirkeu.issuance.CollectionOrder;
import kz.tirkeu.issuance.production.ExternalReply;
import kz.tirkeu.pki.identity.Iin;
import kz.tirkeu.platform.web.ProblemException;
import kz.tirkeu.statesystems.Answer;
import kz.tirkeu.statesystems.Individuals;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

/**
 * P8–P9: is the person at the counter the owner? Either the number of an identity document they show,
 * checked against the owner's documents in ГБД ФЛ, or a code from the digital documents service. The
 * document must be valid on the day (Kazakhstan's day, not UTC's). A system that does not answer is not
 * a "no": the operator is told to try again in a moment.
 */
@Component
class BuyerIdentity {

    static final ZoneId KAZAKHSTAN = ZoneId.of("Asia/Almaty");
    static final String BY_DOCUMENT = "GBD_FL_DOCUMENT";
    static final String BY_DIGITAL_DOCUMENT = "DIGITAL_DOCUMENTS";

    private final Individuals individuals;
    private final DigitalDocuments digitalDocuments;
    private final Clock clock;

    BuyerIdentity(Individuals individuals, DigitalDocuments digitalDocuments, Clock clock) {
        this.individuals = individuals;
        this.digitalDocuments = digitalDocuments;
        this.clock = clock;
    }

    /** How the owner of this order was identified (for the action log); throws a problem when the person is not the owner. */
    String check(CollectionOrder order, Proof proof) {
        if (proof.iin() != null && !proof.iin().equals(order.owner().value())) {
            throw notTheOwner(order);
        }
        Identified person = identify(new Proof(order.owner().value(), proof.documentNumber(), proof.shareCode()),
                "the owner, " + order.ownerName() + ",");
        if (!person.iin().equals(order.owner())) {
            throw notTheOwner(order);
        }
        return person.checkedBy();
    }

    /**
     * P8 without an application number: who is at the counter? The IIN printed on the identity document with
     * the document's number (checked against ГБД ФЛ), or a digital documents code (which names the person).
     */
    Identified identify(Proof proof) {
        return identify(proof, "the person with IIN " + proof.iin());
    }

    private Identified identify(Proof proof, String whose) {
        boolean byDocument = proof.documentNumber() != null && !proof.documentNumber().isBlank();
        boolean byCode = proof.shareCode() != null && !proof.shareCode().isBlank();
        if (byDocument == byCode) {
            throw new ProblemException("IDENTITY_PROOF_MISSING", HttpStatus.BAD_REQUEST,
                    "Send either documentNumber (the identity document the buyer shows) or shareCode (the six digits from the buyer's digital documents app), one of them.");
        }
        LocalDate today = LocalDate.ofInstant(clock.instant(), KAZAKHSTAN);
        return byDocument ? byDocument(iinOf(proof), proof.documentNumber().strip(), whose, today) : byCode(proof.shareCode().strip(), today);
    }

    private static Iin iinOf(Proof proof) {
        if (proof.iin() == null || proof.iin().isBlank()) {
            throw new ProblemException("IIN_MISSING", HttpStatus.BAD_REQUEST,
                    "Send iin as well: the twelve digits printed on the identity document, so that the document can be checked against ГБД ФЛ.");
        }
        try {
            return Iin.of(proof.iin().strip());
        } catch (IllegalArgumentException e) {
            throw new ProblemException("IIN_INVALID", HttpStatus.BAD_REQUEST, "'" + proof.iin().strip() + "' is not a valid IIN: " + e.getMessage()
                    + " Type the twelve digits from the identity document again.", proof.iin().strip(), e.getMessage()).situation("document");
        }
    }

    private Identified byDocument(Iin iin, String number, String whose, LocalDate today) {
        Individuals.Individual person = switch (individuals.find(iin)) {
            case Answer.Found<Individuals.Individual> found -> found.value();
            case Answer.NotFound<Individuals.Individual> nf -> throw new ProblemException("OWNER_NOT_IN_GBD_FL", HttpStatus.UNPROCESSABLE_CONTENT,
                    "ГБД ФЛ has no person with IIN " + iin.value() + ", so no document can be checked against it. Check the IIN; "
                            + "if it is right, ask the person to contact the police.", iin.value());
            case Answer.Unavailable<Individuals.Individual> u -> throw unavailable("ГБД ФЛ");
        };
        Individuals.IdentityDocument document = person.documents().stream().filter(d -> number.equalsIgnoreCase(d.number())).findFirst()
                .orElseThrow(() -> new ProblemException("IDENTITY_DOCUMENT_NOT_THE_OWNERS", HttpStatus.UNPROCESSABLE_CONTENT,
                        "Document " + number + " is not an identity document of " + whose
                                + " in ГБД ФЛ. Check the number on the document, or the person is not the owner: do not hand anything over.", number, whose));
        valid(document.type(), document.number(), document.issuedAt(), document.validUntil(), today);
        return new Identified(iin, BY_DOCUMENT);
    }

    private Identified byCode(String code, LocalDate today) {
        DigitalDocuments.SharedDocument shared = switch (digitalDocuments.shared(code)) {
            case ExternalReply.Ok<DigitalDocuments.SharedDocument> ok -> ok.value();
            case ExternalReply.NotFound<DigitalDocuments.SharedDocument> nf -> throw new ProblemException("SHARE_CODE_INVALID", HttpStatus.UNPROCESSABLE_CONTENT,
                    "No document is shared under code " + code + ": it is mistyped, used already or older than five minutes. Ask the buyer to make a new code in the app.",
                    code).situation("notFound");
            case ExternalReply.Rejected<DigitalDocuments.SharedDocument> r -> throw new ProblemException("SHARE_CODE_INVALID", HttpStatus.UNPROCESSABLE_CONTENT,
                    "The digital documents service did not accept code " + code + ": " + r.detail(), code, r.detail()).situation("rejected");
            case ExternalReply.Unavailable<DigitalDocuments.SharedDocument> u -> throw unavailable("The digital documents service");
        };
        DigitalDocuments.Document document = shared.document();
        valid(document.type(), document.number(), document.issuedAt(), document.validUntil(), today);
        return new Identified(Iin.of(shared.iin()), BY_DIGITAL_DOCUMENT);
    }

    private static ProblemException notTheOwner(CollectionOrder order) {
        return new ProblemException("IDENTITY_NOT_THE_OWNER", HttpStatus.UNPROCESSABLE_CONTENT,
                "The document is not the owner's (" + order.ownerName() + "): it belongs to someone else. Do not hand anything over.", order.ownerName());
    }

    private static void valid(String type, String number, LocalDate issuedAt, LocalDate validUntil, LocalDate today) {
        if ((validUntil != null && validUntil.isBefore(today)) || (issuedAt != null && issuedAt.isAfter(today))) {
            throw new ProblemException("IDENTITY_DOCUMENT_NOT_VALID", HttpStatus.UNPROCESSABLE_CONTENT,
                    "The owner's " + type + " " + number + " is not valid today (valid " + issuedAt + " to " + validUntil + "). Ask for another identity document.",
                    String.valueOf(type), number, String.valueOf(issuedAt), String.valueOf(validUntil));
        }
    }

    private static ProblemException unavailable(String system) {
        return new ProblemException("IDENTITY_CHECK_UNAVAILABLE", HttpStatus.SERVICE_UNAVAILABLE,
                system + " does not answer just now, so the identity cannot be checked. Nothing was refused: try again in a minute.", system);
    }

    /**
     * What the person shows: the number of an identity document with the IIN printed on it (the IIN may be left
     * out where the application names the owner), or a digital documents share code.
     */
    record Proof(String iin, String documentNumber, String shareCode) {}

    /** @param checkedBy {@link #BY_DOCUMENT} or {@link #BY_DIGITAL_DOCUMENT} */
    record Identified(Iin iin, String checkedBy) {}
}
