package kz.tirkeu.application;

import kz.tirkeu.platform.CannotServe;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import kz.tirkeu.identity.SignedInPerson;
import kz.tirkeu.notification.Language;
import kz.tirkeu.pki.json.CanonicalJson;
import kz.tirkeu.pki.validation.ValidationReport;
import kz.tirkeu.statesystems.Evidence;
import kz.tirkeu.statesystems.VehiclePassports;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

/**
 * S9: the seller signs exactly what it states — the application built from the facts the checks
 * found, as RFC 8785 canonical JSON. The platform serves those bytes, verifies the returned CMS (a
 * signing key of an employee of the seller's BIN with signing right, chain, validity, revocation) and
 * keeps both. The private key never reaches the server. The seller reads and signs it in the language they choose
 * (kk, ru or en), which is named inside the signed bytes (issue [11]).
 */
@Service
public class SellerSignature {

    private final Applications applications;
    private final ActionLog log;
    private final ApplicationProcess process;
    private final StatementSignatures statements;
    private final JdbcClient db;
    private final TransactionTemplate transaction;
    private final Clock clock;
    private final MessageSource messages;
    private final JsonMapper json = JsonMapper.builder().build();

    SellerSignature(Applications applications, ActionLog log, ApplicationProcess process, StatementSignatures statements, JdbcClient db,
                    TransactionTemplate transaction, Clock clock, MessageSource messages) {
        this.messages = messages;
        this.applications = applications;
        this.log = log;
        this.process = process;
        this.statements = statements;
        this.db = db;
        this.transaction = transaction;
        this.clock = clock;
    }

    /**
     * The exact bytes the seller signs. The same facts always give the same bytes. Only while S9 awaits them: outside
     * that step there is nothing to sign (issue [11]: a refused application gave a statement with empty facts, 200).
     */
    public byte[] statement(SignedInPerson seller, String number, Language language) {
        ApplicationRecord record = ApplicationProcess.ownedBySeller(seller, applications.find(number));
        requireAwaiting(record);
        return statementOf(record, language);
    }

    /** @param language the language of the statement the seller signed, as it was served */
    public ApplicationRecord sign(SignedInPerson seller, String number, byte[] cms, Language language) {
        ApplicationRecord current = ApplicationProcess.ownedBySeller(seller, applications.find(number));
        requireAwaiting(current);
        byte[] statement = statementOf(current, language);
        ValidationReport report = statements.accept(statement, cms, statements.seller(current));
        return transaction.execute(status -> {
            ApplicationRecord record = applications.lock(current.id()).orElseThrow();
            requireAwaiting(record);
            Instant now = clock.instant();
            db.sql("insert into signed_statement (application_id, party, content, signature, signer_iin, signed_at, report) values (?, 'SELLER', ?, ?, ?, ?, ?::jsonb)")
                    .params(record.id(), statement, cms, seller.iin().value(), Applications.utc(now), json.writeValueAsString(Map.of(
                            "indication", report.indication().name(), "message", report.message(),
                            "signer", report.signers().getFirst().signer().map(c -> c.commonName()).orElse(""))))
                    .update();
            process.sellerSigned(record, seller.iin(), now);
            return applications.find(record.id()).orElseThrow();
        });
    }

    private static void requireAwaiting(ApplicationRecord record) {
        if (record.status() != ApplicationStatus.AWAITING_SELLER_SIGNATURE) {
            throw new ApplicationRefused("NOT_AWAITING_SELLER_SIGNATURE", CannotServe.Reason.CONFLICT,
                    "The application does not await the seller's signature; it is " + record.status() + ".", ApplicationRefused.status(record));
        }
    }

    private byte[] statementOf(ApplicationRecord record, Language language) {
        Map<Step, Evidence> facts = new LinkedHashMap<>();
        for (Action action : log.of(record.id())) {
            if (action.kind() == Action.Kind.CHECK_PASSED && action.step().isPresent() && action.evidence().isPresent()) {
                facts.put(action.step().get(), action.evidence().get());
            }
        }
        Map<String, Object> statement = new LinkedHashMap<>();
        statement.put("type", "tirkeu.application.seller-statement");
        statement.put("applicationNumber", record.number());
        statement.put("processVersion", record.processVersion());
        statement.put("language", language.tag());
        statement.put("statement", messages.getMessage("statement.seller", null, language.locale()));
        statement.put("seller", Map.of("bin", record.sellerBin().value(), "name", fact(facts, Step.S1, "name")));
        statement.put("vehicle", Map.of("vin", record.vin().value(), "passportNumber", fact(facts, Step.S3, "number"),
                "make", fact(facts, Step.S3, "make"), "model", fact(facts, Step.S3, "model"), "year", fact(facts, Step.S3, VehiclePassports.YEAR),
                "category", fact(facts, Step.S3, "category")));
        statement.put("buyer", Map.of("iin", record.buyerIin().value(), "name", fact(facts, Step.S7, "name")));
        statement.put("contract", Map.of("number", fact(facts, Step.S8, "number"), "date", fact(facts, Step.S8, "date"),
                "priceKzt", fact(facts, Step.S8, "priceKzt")));
        return CanonicalJson.canonicalize(json.writeValueAsString(statement));
    }

    private static String fact(Map<Step, Evidence> facts, Step step, String name) {
        return Optional.ofNullable(facts.get(step)).map(e -> e.facts().get(name)).orElse("");
    }
}
