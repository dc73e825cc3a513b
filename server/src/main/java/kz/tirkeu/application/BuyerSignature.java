package kz.tirkeu.application;

import kz.tirkeu.platform.CannotServe;
import static kz.tirkeu.application.BuyerStepRules.own;
import static kz.tirkeu.application.BuyerStepRules.require;

import java.time.Clock;
import java.time.Instant;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import kz.tirkeu.identity.SignedInPerson;
import kz.tirkeu.notification.Language;
import kz.tirkeu.payment.Payments;
import kz.tirkeu.pki.cms.Digests;
import kz.tirkeu.pki.json.CanonicalJson;
import kz.tirkeu.pki.validation.ValidationReport;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

/**
 * S18: the buyer signs what is to be registered — the dealer's signed statement, the choices and the fees paid —
 * and the application is submitted to registration (S19).
 */
@Service
public class BuyerSignature {

    private final MessageSource messages;
    private final Applications applications;
    private final ActionLog log;
    private final Payments payments;
    private final RegistrationDecision decision;
    private final StatementSignatures statements;
    private final JdbcClient db;
    private final TransactionTemplate transaction;
    private final Clock clock;
    private final JsonMapper json = JsonMapper.builder().build();

    BuyerSignature(MessageSource messages, Applications applications, ActionLog log, Payments payments, RegistrationDecision decision,
                   StatementSignatures statements, JdbcClient db, TransactionTemplate transaction, Clock clock) {
        this.messages = messages;
        this.applications = applications;
        this.log = log;
        this.payments = payments;
        this.decision = decision;
        this.statements = statements;
        this.db = db;
        this.transaction = transaction;
        this.clock = clock;
    }

    /** What the buyer signs, in the language it is shown in; only while S18 awaits it. */
    public byte[] buyerStatement(SignedInPerson buyer, String number, Language language) {
        ApplicationRecord record = own(buyer, applications.find(number));
        require(record, ApplicationStatus.AWAITING_BUYER_SIGNATURE);
        return statementOf(record, language);
    }

    /** @param language the language of the statement the buyer signed, as it was served (issue [11]: named in the signed bytes) */
    public ApplicationRecord buyerSign(SignedInPerson buyer, String number, byte[] cms, Language language) {
        ApplicationRecord current = own(buyer, applications.find(number));
        require(current, ApplicationStatus.AWAITING_BUYER_SIGNATURE);
        byte[] statement = statementOf(current, language);
        ValidationReport report = statements.accept(statement, cms, statements.buyer(current));
        return transaction.execute(status -> {
            ApplicationRecord record = applications.lock(current.id()).orElseThrow();
            require(record, ApplicationStatus.AWAITING_BUYER_SIGNATURE);
            Instant now = clock.instant();
            db.sql("insert into signed_statement (application_id, party, content, signature, signer_iin, signed_at, report) values (?, 'BUYER', ?, ?, ?, ?, ?::jsonb)")
                    .params(record.id(), statement, cms, buyer.iin().value(), Applications.utc(now),
                            json.writeValueAsString(Map.of("indication", report.indication().name(), "message", report.message()))).update();
            log.append(record.id(), now, Action.Actor.BUYER, buyer.iin().value(), Step.S18, ApplicationStatus.AWAITING_BUYER_SIGNATURE, new Act.BuyerSigned(), null);
            String region = applications.regionOfChoice(record.id()).orElseThrow();
            log.append(record.id(), now, Action.Actor.PLATFORM, null, Step.S19, ApplicationStatus.SUBMITTED, new Act.Submitted(region), null);
            decision.submitted(record.id(), region, now);
            return applications.find(record.id()).orElseThrow();
        });
    }

    /** The statement as canonical JSON (RFC 8785): the same facts give the same bytes, so the signature can be checked again. */
    private byte[] statementOf(ApplicationRecord record, Language language) {
        byte[] seller = db.sql("select content from signed_statement where application_id = ? and party = 'SELLER'").param(record.id())
                .query(byte[].class).optional().orElseThrow(() -> new ApplicationRefused("NOT_SIGNED_BY_SELLER", CannotServe.Reason.CONFLICT, "The seller has not signed yet."));
        Map<String, Object> statement = new LinkedHashMap<>();
        statement.put("type", "tirkeu.application.buyer-statement");
        statement.put("applicationNumber", record.number());
        statement.put("language", language.tag());
        statement.put("statement", messages.getMessage("statement.buyer", null, language.locale()));
        statement.put("sellerStatementSha256", HexFormat.of().formatHex(Digests.sha256(seller)));
        statement.put("application", json.readTree(seller));
        db.sql("select psc_code, plate_type from application_choice where application_id = ?").param(record.id())
                .query((rs, n) -> Map.of("pscCode", rs.getString(1), "plateType", rs.getString(2))).optional()
                .ifPresent(choice -> statement.put("collection", choice));
        payments.paid(record.id()).ifPresent(paid -> statement.put("fees", Map.of("invoiceId", paid.invoiceId(), "paymentId", paid.paymentId(),
                "amountKzt", String.valueOf(paid.amountKzt()), "items", json.valueToTree(paid.items()))));
        return CanonicalJson.canonicalize(json.writeValueAsString(statement));
    }
}
