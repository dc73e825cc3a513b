package kz.tirkeu.issuance.psc;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import kz.tirkeu.issuance.CollectionOrder;
import kz.tirkeu.issuance.production.ExternalReply;
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

    /** How the person was identified (for the action log); throws a problem when they are not the owner. */
    String check(CollectionOrder order, Proof proof) {
        boolean byDocument = proof.documentNumber() != null && !proof.documentNumber().isBlank();
        boolean byCode = proof.shareCode() != null && !proof.shareCode().isBlank();
        if (byDocument == byCode) {
            throw new ProblemException("IDENTITY_PROOF_MISSING", HttpStatus.BAD_REQUEST,
                    "Send either documentNumber (the identity document the buyer shows) or shareCode (the six digits from the buyer's digital documents app), one of them.");
        }
        LocalDate today = LocalDate.ofInstant(clock.instant(), KAZAKHSTAN);
        return byDocument ? byDocument(order, proof.documentNumber().strip(), today) : byCode(order, proof.shareCode().strip(), today);
    }

    private String byDocument(CollectionOrder order, String number, LocalDate today) {
        Individuals.Individual owner = switch (individuals.find(order.owner())) {
            case Answer.Found<Individuals.Individual> found -> found.value();
            case Answer.NotFound<Individuals.Individual> nf -> throw new ProblemException("OWNER_NOT_IN_GBD_FL", HttpStatus.UNPROCESSABLE_CONTENT,
                    "ГБД ФЛ has no person with the owner's IIN, so no document can be checked against it. Ask the owner to contact the police.");
            case Answer.Unavailable<Individuals.Individual> u -> throw unavailable("ГБД ФЛ");
        };
        Individuals.IdentityDocument document = owner.documents().stream().filter(d -> number.equalsIgnoreCase(d.number())).findFirst()
                .orElseThrow(() -> new ProblemException("IDENTITY_DOCUMENT_NOT_THE_OWNERS", HttpStatus.UNPROCESSABLE_CONTENT,
                        "Document " + number + " is not an identity document of the owner, " + order.ownerName()
                                + ", in ГБД ФЛ. Check the number on the document, or the person is not the owner: do not hand anything over."));
        valid(document.type(), document.number(), document.issuedAt(), document.validUntil(), today);
        return BY_DOCUMENT;
    }

    private String byCode(CollectionOrder order, String code, LocalDate today) {
        DigitalDocuments.SharedDocument shared = switch (digitalDocuments.shared(code)) {
            case ExternalReply.Ok<DigitalDocuments.SharedDocument> ok -> ok.value();
            case ExternalReply.NotFound<DigitalDocuments.SharedDocument> nf -> throw new ProblemException("SHARE_CODE_INVALID", HttpStatus.UNPROCESSABLE_CONTENT,
                    "No document is shared under code " + code + ": it is mistyped, used already or older than five minutes. Ask the buyer to make a new code in the app.");
            case ExternalReply.Rejected<DigitalDocuments.SharedDocument> r -> throw new ProblemException("SHARE_CODE_INVALID", HttpStatus.UNPROCESSABLE_CONTENT,
                    "The digital documents service did not accept code " + code + ": " + r.detail());
            case ExternalReply.Unavailable<DigitalDocuments.SharedDocument> u -> throw unavailable("The digital documents service");
        };
        if (!order.owner().value().equals(shared.iin())) {
            throw new ProblemException("IDENTITY_NOT_THE_OWNER", HttpStatus.UNPROCESSABLE_CONTENT,
                    "The shared document is not the owner's (" + order.ownerName() + "): it belongs to someone else. Do not hand anything over.");
        }
        DigitalDocuments.Document document = shared.document();
        valid(document.type(), document.number(), document.issuedAt(), document.validUntil(), today);
        return BY_DIGITAL_DOCUMENT;
    }

    private static void valid(String type, String number, LocalDate issuedAt, LocalDate validUntil, LocalDate today) {
        if ((validUntil != null && validUntil.isBefore(today)) || (issuedAt != null && issuedAt.isAfter(today))) {
            throw new ProblemException("IDENTITY_DOCUMENT_NOT_VALID", HttpStatus.UNPROCESSABLE_CONTENT,
                    "The owner's " + type + " " + number + " is not valid today (valid " + issuedAt + " to " + validUntil + "). Ask for another identity document.");
        }
    }

    private static ProblemException unavailable(String system) {
        return new ProblemException("IDENTITY_CHECK_UNAVAILABLE", HttpStatus.SERVICE_UNAVAILABLE,
                system + " does not answer just now, so the identity cannot be checked. Nothing was refused: try again in a minute.");
    }

    /** What the person shows: the number of an identity document, or a digital documents share code. */
    record Proof(String documentNumber, String shareCode) {}
}
