package kz.tirkeu.issuance.psc;

import java.time.LocalDate;
import kz.tirkeu.issuance.production.ExternalReply;

/** eGov «Цифровые документы»: the identity document a person shared with a one-time code (P8–P9). */
public interface DigitalDocuments {

    /** The shared document; NotFound when the code is wrong, used or expired. */
    ExternalReply<SharedDocument> shared(String code);

    record SharedDocument(String iin, String surname, String name, String patronymic, Document document) {}

    record Document(String type, String number, LocalDate issuedAt, LocalDate validUntil, String issuer) {}
}
