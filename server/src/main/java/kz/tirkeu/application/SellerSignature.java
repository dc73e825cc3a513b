package kz.tirkeu.application;

import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import kz.tirkeu.identity.SignedInPerson;
import kz.tirkeu.pki.cert.KzRole;
import kz.tirkeu.pki.json.CanonicalJson;
import kz.tirkeu.pki.validation.ExpectedSigner;
import kz.tirkeu.pki.validation.ValidationReport;
import kz.tirkeu.pki.validation.ValidationRequest;
import kz.tirkeu.signatures.SignatureVerification;
import kz.tirkeu.statesystems.Evidence;
import org.bouncycastle.cms.CMSSignedData;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

/**
 * S9: the seller signs exactly what it states — the application built from the facts the checks
 * found, as RFC 8785 canonical JSON. The platform serves those bytes, verifies the returned CMS (a
 * signing key of an employee of the seller's BIN with signing right, chain, validity, revocation) and
 * keeps both. The private key never reaches the server.
 */
@Service
public class SellerSignature {

    private final Applications applications;
    private final ActionLog log;
    private final ApplicationProcess process;
    private final SignatureVerification signatures;
    private final JdbcClient db;
    private final TransactionTemplate transaction;
    private final Clock clock;
    private final Set<KzRole> signingRoles;
    private final JsonMapper json = JsonMapper.builder().build();

    SellerSignature(Applications applications, ActionLog log, ApplicationProcess process, SignatureVerification signatures, JdbcClient db,
                    TransactionTemplate transaction, Clock clock,
                    @Value("${tirkeu.application.seller-signing-roles:FIRST_HEAD,SIGNING_RIGHT}") List<String> signingRoles) {
        this.applications = applications;
        this.log = log;
        this.process = process;
        this.signatures = signatures;
        this.db = db;
        this.transaction = transaction;
        this.clock = clock;
        this.signingRoles = EnumSet.copyOf(signingRoles.stream().map(String::strip).map(KzRole::valueOf).toList());
    }

    /** The exact bytes the seller signs. The same facts always give the same bytes. */
    public byte[] statement(SignedInPerson seller, String number) {
        ApplicationRecord record = ApplicationProcess.ownedBySeller(seller, applications.find(number));
        return statementOf(record);
    }

    public ApplicationRecord sign(SignedInPerson seller, String number, byte[] cms) {
        ApplicationRecord current = ApplicationProcess.ownedBySeller(seller, applications.find(number));
        requireAwaiting(current);
        byte[] statement = statementOf(current);
        ValidationRequest request = ValidationRequest.of(cms).expecting(new ExpectedSigner.LegalEntitySigner(current.sellerBin(), signingRoles));
        Optional<byte[]> attached = attachedContent(cms);
        if (attached.isPresent() && !Arrays.equals(attached.get(), statement)) {
            throw new ApplicationRefused("STATEMENT_MISMATCH", HttpStatus.BAD_REQUEST,
                    "The signature is over something other than the current statement of this application. Fetch the statement again and sign it.");
        }
        ValidationReport report = signatures.validate(attached.isPresent() ? request : request.withDetachedContent(statement));
        if (!report.passed()) {
            throw new ApplicationRefused("SIGNATURE_NOT_ACCEPTED", report.indication() == kz.tirkeu.pki.validation.Indication.INDETERMINATE
                    ? HttpStatus.SERVICE_UNAVAILABLE : HttpStatus.BAD_REQUEST,
                    "The signature cannot be accepted: " + report.message() + report.subIndication().map(s -> " (" + s + ")").orElse(""));
        }
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
            throw new ApplicationRefused("NOT_AWAITING_SELLER_SIGNATURE", HttpStatus.CONFLICT,
                    "The application does not await the seller's signature; it is " + record.status() + ".");
        }
    }

    private byte[] statementOf(ApplicationRecord record) {
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
        statement.put("statement", "The seller applies for the primary state registration of this vehicle in the buyer's name.");
        statement.put("seller", Map.of("bin", record.sellerBin().value(), "name", fact(facts, Step.S1, "name")));
        statement.put("vehicle", Map.of("vin", record.vin().value(), "passportNumber", fact(facts, Step.S3, "number"),
                "make", fact(facts, Step.S3, "make"), "model", fact(facts, Step.S3, "model"), "year", fact(facts, Step.S3, "year"),
                "category", fact(facts, Step.S3, "category")));
        statement.put("buyer", Map.of("iin", record.buyerIin().value(), "name", fact(facts, Step.S7, "name")));
        statement.put("contract", Map.of("number", fact(facts, Step.S8, "number"), "date", fact(facts, Step.S8, "date"),
                "priceKzt", fact(facts, Step.S8, "priceKzt")));
        return CanonicalJson.canonicalize(json.writeValueAsString(statement));
    }

    private static String fact(Map<Step, Evidence> facts, Step step, String name) {
        return Optional.ofNullable(facts.get(step)).map(e -> e.facts().get(name)).orElse("");
    }

    private static Optional<byte[]> attachedContent(byte[] cms) {
        try {
            return Optional.ofNullable(new CMSSignedData(cms).getSignedContent()).map(c -> (byte[]) c.getContent());
        } catch (Exception e) {
            return Optional.empty();
        }
    }
}
