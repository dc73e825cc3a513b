package kz.tirkeu.application;

import kz.tirkeu.platform.CannotServe;
import java.util.Optional;
import java.util.UUID;
import kz.tirkeu.payment.PaidInvoice;
import kz.tirkeu.payment.Payments;
import org.springframework.jdbc.core.simple.JdbcClient;

/** What was submitted by S18, as stored: the PSC and plate type, the paid invoice, both signed statements. */
record Submission(String pscCode, String region, String plateType, Optional<String> invoiceId, long amountKzt, Signed seller, Signed buyer) {

    /** A statement exactly as signed, and the CMS signature over it. */
    record Signed(byte[] content, byte[] signature) {}

    static Submission of(JdbcClient db, Payments payments, UUID applicationId) {
        record Choice(String psc, String region, String plateType) {}
        Choice choice = db.sql("select psc_code, psc_region, plate_type from application_choice where application_id = ?").param(applicationId)
                .query((rs, n) -> new Choice(rs.getString(1), rs.getString(2), rs.getString(3))).optional()
                .orElseThrow(() -> new ApplicationRefused("NOT_SUBMITTED", CannotServe.Reason.CONFLICT, "The buyer has not chosen a PSC.").situation("choice"));
        Optional<PaidInvoice> payment = payments.paid(applicationId);
        return new Submission(choice.psc(), choice.region(), choice.plateType(), payment.map(PaidInvoice::invoiceId), payment.map(PaidInvoice::amountKzt).orElse(0L),
                signed(db, applicationId, "SELLER"), signed(db, applicationId, "BUYER"));
    }

    private static Signed signed(JdbcClient db, UUID applicationId, String party) {
        return db.sql("select content, signature from signed_statement where application_id = ? and party = ?").params(applicationId, party)
                .query((rs, n) -> new Signed(rs.getBytes(1), rs.getBytes(2))).optional()
                .orElseThrow(() -> new ApplicationRefused("NOT_SUBMITTED", CannotServe.Reason.CONFLICT, "The " + party.toLowerCase() + " has not signed.").situation(party.toLowerCase()));
    }
}
