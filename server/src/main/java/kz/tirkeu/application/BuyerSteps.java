package kz.tirkeu.application;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import kz.tirkeu.identity.SignedInPerson;
import kz.tirkeu.notification.Language;
import kz.tirkeu.notification.NotificationPoint;
import kz.tirkeu.pki.cms.Digests;
import kz.tirkeu.pki.json.CanonicalJson;
import kz.tirkeu.pki.validation.ValidationReport;
import kz.tirkeu.platform.PlatformAddresses;
import kz.tirkeu.platform.web.ProblemException;
import kz.tirkeu.statesystems.Answer;
import kz.tirkeu.statesystems.MobileCitizensBase;
import kz.tirkeu.statesystems.PaymentGateway;
import kz.tirkeu.statesystems.PhoneNumber;
import kz.tirkeu.statesystems.ServiceCentres;
import kz.tirkeu.statesystems.VehiclePassports;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The buyer's steps after the rechecks: S15 the PSC and plate type, S16 the phone (from МБГ, or typed
 * and confirmed by SMS), S17 the invoice and its payment (confirmed by the gateway's signed callback,
 * counted once by payment id), S18 the buyer's signature over everything including the fees; then the
 * application is submitted to registration.
 */
@Service
public class BuyerSteps {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Duration CODE_VALIDITY = Duration.ofMinutes(5);

    private final MessageSource messages;
    private final Applications applications;
    private final ActionLog log;
    private final ServiceCentres centres;
    private final MobileCitizensBase mbg;
    private final NotificationPoint notifications;
    private final PaymentGateway payments;
    private final Fees fees;
    private final RegistrationDecision decision;
    private final StatementSignatures statements;
    private final PlatformAddresses addresses;
    private final JdbcClient db;
    private final TransactionTemplate transaction;
    private final Clock clock;
    private final List<String> plateTypes;
    private final byte[] callbackSecret;
    private final JsonMapper json = JsonMapper.builder().build();

    BuyerSteps(Applications applications, ActionLog log, ServiceCentres centres, MobileCitizensBase mbg, NotificationPoint notifications,
               PaymentGateway payments, Fees fees, RegistrationDecision decision, StatementSignatures statements, PlatformAddresses addresses, JdbcClient db,
               TransactionTemplate transaction, Clock clock,
               ApplicationProperties properties,
               @Value("${tirkeu.payments.callback-secret:sandbox-payment-secret}") String callbackSecret, MessageSource messages) {
        this.messages = messages;
        this.applications = applications;
        this.log = log;
        this.centres = centres;
        this.mbg = mbg;
        this.notifications = notifications;
        this.payments = payments;
        this.fees = fees;
        this.decision = decision;
        this.statements = statements;
        this.addresses = addresses;
        this.db = db;
        this.transaction = transaction;
        this.clock = clock;
        this.plateTypes = properties.plateTypes();
        this.callbackSecret = callbackSecret.getBytes(StandardCharsets.UTF_8);
    }

    public List<String> plateTypes() {
        return plateTypes;
    }

    /** S15, then S16's МБГ lookup: with a registered phone the buyer goes straight on to pay. */
    public ApplicationRecord choose(SignedInPerson buyer, String number, String pscCode, String plateType) {
        ApplicationRecord current = own(buyer, applications.find(number));
        require(current, ApplicationStatus.AWAITING_CHOICES);
        if (plateType == null || !plateTypes.contains(plateType)) {
            throw new ApplicationRefused("PLATE_TYPE_UNKNOWN", HttpStatus.BAD_REQUEST, "Choose a plate type from " + plateTypes + ".", plateTypes.toString());
        }
        ServiceCentres.ServiceCentre centre = switch (centres.find(pscCode == null ? "" : pscCode.strip())) {
            case Answer.Found<ServiceCentres.ServiceCentre> found when found.value().issuesPlates() -> found.value();
            case Answer.Found<ServiceCentres.ServiceCentre> found -> throw new ApplicationRefused("PSC_DOES_NOT_ISSUE_PLATES", HttpStatus.BAD_REQUEST,
                    found.value().name() + " does not issue plates; choose another centre.", found.value().name());
            case Answer.NotFound<ServiceCentres.ServiceCentre> none -> throw new ApplicationRefused("PSC_UNKNOWN", HttpStatus.BAD_REQUEST,
                    "There is no public service centre " + pscCode + ".", String.valueOf(pscCode));
            case Answer.Unavailable<ServiceCentres.ServiceCentre> down -> throw new ApplicationRefused("PSC_CATALOGUE_UNAVAILABLE", HttpStatus.SERVICE_UNAVAILABLE,
                    "The catalogue of service centres does not answer right now; your application keeps its place. Please try again in a few minutes.");
        };
        MobileCitizensBase.PhoneLookup phone = mbg.registeredPhone(buyer.iin());
        return transaction.execute(status -> {
            ApplicationRecord record = applications.lock(current.id()).orElseThrow();
            require(record, ApplicationStatus.AWAITING_CHOICES);
            Instant now = clock.instant();
            db.sql("insert into application_choice (application_id, psc_code, psc_region, plate_type, chosen_at) values (?, ?, ?, ?, ?)")
                    .params(record.id(), centre.code(), centre.regionCode(), plateType, Applications.utc(now)).update();
            log.append(record.id(), now, Action.Actor.BUYER, buyer.iin().value(), Step.S15, ApplicationStatus.AWAITING_PHONE,
                    new Act.ChoicesMade(centre.code(), centre.name(), centre.regionCode(), plateType), null);
            if (phone instanceof MobileCitizensBase.PhoneLookup.Registered found) {
                db.sql("insert into buyer_phone (application_id, phone, source, confirmed_at) values (?, ?, 'MBG', ?)")
                        .params(record.id(), found.phone().e164(), Applications.utc(now)).update();
                log.append(record.id(), now, Action.Actor.PLATFORM, null, Step.S16, ApplicationStatus.AWAITING_PAYMENT,
                        new Act.PhoneConfirmed("МБГ", found.phone().masked()), null);
            } else {
                // No number in МБГ, or МБГ not answering: either way the buyer may enter one (S16), so nobody waits on it.
                log.append(record.id(), now, Action.Actor.PLATFORM, null, Step.S16, ApplicationStatus.AWAITING_PHONE,
                        new Act.PhoneNeeded(phone instanceof MobileCitizensBase.PhoneLookup.NotRegistered ? "no registered phone" : "not answering"), null);
            }
            return applications.find(record.id()).orElseThrow();
        });
    }

    /** Wrong S16 codes before the code is void and the buyer must ask for a new one. */
    static final int WRONG_CODES_ALLOWED = 5;

    /** S16 without МБГ: the buyer types a number; a code goes to it. */
    public ApplicationRecord enterPhone(SignedInPerson buyer, String number, String typed, Locale locale) {
        PhoneNumber phone = PhoneNumber.parse(typed);
        String code = String.format("%06d", RANDOM.nextInt(1_000_000));
        ApplicationRecord record = transaction.execute(status -> {
            ApplicationRecord locked = own(buyer, applications.lock(number));
            require(locked, ApplicationStatus.AWAITING_PHONE);
            requireCodeAllowed(buyer, phone);
            db.sql("""
                            insert into buyer_phone (application_id, phone, source, code_hash, code_expires_at) values (?, ?, 'BUYER', ?, ?)
                            on conflict (application_id) do update set phone = excluded.phone, code_hash = excluded.code_hash,
                                code_expires_at = excluded.code_expires_at, wrong_codes = 0""")
                    .params(locked.id(), phone.e164(), codeHash(locked.number(), code), Applications.utc(clock.instant().plus(CODE_VALIDITY))).update();
            return locked;
        });
        notifications.sendOneTimeCode(buyer.iin(), phone, code, locale);
        return record;
    }

    /**
     * A typed number may be anyone's: without a limit, a buyer could send codes to a third party's phone without end
     * (SMS bombing). So: {@value #CODES_PER_PERSON} codes asked for per buyer, and {@value #CODES_PER_NUMBER} sent to a
     * number whoever asked, in {@link #CODE_WINDOW}. Checked and recorded under the application's lock.
     */
    private void requireCodeAllowed(SignedInPerson buyer, PhoneNumber phone) {
        Instant since = clock.instant().minus(CODE_WINDOW);
        long asked = db.sql("select count(*) from phone_code_request where buyer_iin = ? and requested_at >= ?")
                .params(buyer.iin().value(), Applications.utc(since)).query(Long.class).single();
        boolean numberFull = notifications.codesSentTo(phone, since) >= CODES_PER_NUMBER;
        if (asked >= CODES_PER_PERSON || numberFull) {
            throw new ApplicationRefused("TOO_MANY_CODES", HttpStatus.TOO_MANY_REQUESTS,
                    "Too many codes were sent " + (numberFull ? "to this number" : "for you") + " in the last "
                            + CODE_WINDOW.toMinutes() + " minutes. Wait a while, then ask for a new code.", String.valueOf(CODE_WINDOW.toMinutes()))
                    .situation(numberFull ? "number" : "person");
        }
        db.sql("insert into phone_code_request (buyer_iin, phone, requested_at) values (?, ?, ?)")
                .params(buyer.iin().value(), phone.e164(), Applications.utc(clock.instant())).update();
    }

    static final int CODES_PER_PERSON = 5;
    static final int CODES_PER_NUMBER = 5;
    static final Duration CODE_WINDOW = Duration.ofMinutes(30);

    /**
     * S16: the code sent to the typed number. A wrong code is counted in a transaction that commits, and only then
     * refused: a refusal thrown inside the transaction would roll its own count back, and the limit would never hold.
     */
    public ApplicationRecord confirmPhone(SignedInPerson buyer, String number, String code) {
        record Outcome(ApplicationRecord confirmed, ApplicationRefused refused) {}
        Outcome outcome = transaction.execute(status -> {
            ApplicationRecord record = own(buyer, applications.lock(number));
            require(record, ApplicationStatus.AWAITING_PHONE);
            record PhoneRow(String phone, byte[] hash, java.time.OffsetDateTime expires, int wrong) {}
            PhoneRow row = db.sql("select phone, code_hash, code_expires_at, wrong_codes from buyer_phone where application_id = ? and source = 'BUYER'")
                    .param(record.id()).query((rs, n) -> new PhoneRow(rs.getString(1), rs.getBytes(2), rs.getObject(3, java.time.OffsetDateTime.class), rs.getInt(4)))
                    .optional().orElseThrow(() -> new ApplicationRefused("NO_PHONE_ENTERED", HttpStatus.CONFLICT, "Enter your phone number first."));
            if (row.wrong() >= WRONG_CODES_ALLOWED || row.expires() == null || clock.instant().isAfter(row.expires().toInstant())) {
                throw new ApplicationRefused("CODE_EXPIRED", HttpStatus.GONE, "The code has expired or was mistyped too often. Enter the number again for a new code.")
                        .situation("phone");
            }
            if (code == null || !MessageDigest.isEqual(codeHash(record.number(), code.strip()), row.hash())) {
                db.sql("update buyer_phone set wrong_codes = wrong_codes + 1 where application_id = ?").param(record.id()).update();
                return new Outcome(null, new ApplicationRefused("CODE_WRONG", HttpStatus.BAD_REQUEST, "The code is not right."));
            }
            Instant now = clock.instant();
            db.sql("update buyer_phone set confirmed_at = ?, code_hash = null where application_id = ?").params(Applications.utc(now), record.id()).update();
            log.append(record.id(), now, Action.Actor.BUYER, buyer.iin().value(), Step.S16, ApplicationStatus.AWAITING_PAYMENT,
                    new Act.PhoneConfirmed("entered by the buyer", PhoneNumber.parse(row.phone()).masked()), null);
            return new Outcome(applications.find(record.id()).orElseThrow(), null);
        });
        if (outcome.refused() != null) {
            throw outcome.refused();
        }
        return outcome.confirmed();
    }

    /** S17: the invoice for the fees; the buyer pays on the gateway's page. Asking again gives the open invoice. */
    public Invoice invoice(SignedInPerson buyer, String number) {
        ApplicationRecord record = own(buyer, applications.find(number));
        require(record, ApplicationStatus.AWAITING_PAYMENT);
        Optional<Invoice> open = db.sql("select invoice_id, amount_kzt, payment_page_url, status from application_payment where application_id = ? and status = 'PENDING' order by created_at desc limit 1")
                .param(record.id()).query((rs, n) -> new Invoice(rs.getString(1), rs.getLong(2), rs.getString(3), rs.getString(4))).optional();
        if (open.isPresent()) {
            return open.get();
        }
        List<PaymentGateway.Item> items = fees.of(vehicleYear(record), clock.instant().atZone(ZoneOffset.UTC).toLocalDate());
        URI callback = URI.create(addresses.publicBase() + "/api/v1/payments/callbacks");
        URI returnTo = URI.create(addresses.publicBase() + "/cabinet");
        return switch (payments.createInvoice(record.number(), buyer.iin(), items, callback, returnTo)) {
            case Answer.Found<PaymentGateway.Invoice> created -> transaction.execute(status -> {
                db.sql("""
                                insert into application_payment (invoice_id, application_id, amount_kzt, items, payment_page_url, status, created_at)
                                values (?, ?, ?, ?::jsonb, ?, 'PENDING', ?) on conflict (invoice_id) do nothing""")
                        .params(created.value().invoiceId(), record.id(), created.value().amountKzt(), json.writeValueAsString(items),
                                created.value().paymentPageUrl(), Applications.utc(clock.instant())).update();
                applications.lock(record.id());
                log.append(record.id(), clock.instant(), Action.Actor.PLATFORM, null, Step.S17, ApplicationStatus.AWAITING_PAYMENT,
                        new Act.InvoiceCreated(created.value().invoiceId(), created.value().amountKzt()), created.evidence());
                return new Invoice(created.value().invoiceId(), created.value().amountKzt(), created.value().paymentPageUrl(), "PENDING");
            });
            case Answer.NotFound<PaymentGateway.Invoice> none -> throw new IllegalStateException("the gateway cannot answer 'not found' to a new invoice");
            case Answer.Unavailable<PaymentGateway.Invoice> down -> throw new ApplicationRefused("PAYMENT_GATEWAY_UNAVAILABLE", HttpStatus.SERVICE_UNAVAILABLE,
                    "The payment gateway does not answer right now; nothing was charged. Please try again in a few minutes.");
        };
    }

    /**
     * The gateway's confirmation. Verified by its HMAC; then its invoice, application and amount must be the ones on
     * record, and the gateway itself, asked again, must say the same: a callback alone — forged with a leaked secret, or
     * replayed onto another invoice — never moves an application on, and a mismatch is a security event that leaves the
     * applicant's application as it was. Counted once by payment id, so a late or repeated callback changes nothing twice.
     */
    public CallbackOutcome paymentCallback(byte[] body, String signatureHeader) {
        if (signatureHeader == null || !MessageDigest.isEqual(("sha256=" + hmac(body)).getBytes(StandardCharsets.US_ASCII),
                signatureHeader.strip().getBytes(StandardCharsets.US_ASCII))) {
            throw new ApplicationRefused("CALLBACK_SIGNATURE_INVALID", HttpStatus.UNAUTHORIZED, "The callback's signature does not verify.");
        }
        JsonNode callback = json.readTree(body);
        String invoiceId = callback.path("invoiceId").asString();
        String paymentId = callback.path("paymentId").asString();
        String outcome = callback.path("status").asString();
        record OnRecord(java.util.UUID applicationId, String number, long amountKzt) {}
        OnRecord onRecord = db.sql("select p.application_id, a.number, p.amount_kzt from application_payment p join application a on a.id = p.application_id where p.invoice_id = ?")
                .param(invoiceId).query((rs, n) -> new OnRecord(rs.getObject(1, java.util.UUID.class), rs.getString(2), rs.getLong(3))).optional()
                .orElseThrow(() -> new ApplicationRefused("INVOICE_UNKNOWN", HttpStatus.NOT_FOUND, "No invoice " + invoiceId + ".", invoiceId));
        if (!callback.path("amountKzt").canConvertToLong() || callback.path("amountKzt").asLong() != onRecord.amountKzt()
                || (callback.has("reference") && !onRecord.number().equals(callback.path("reference").asString()))) {
            throw mismatch(invoiceId, "the callback says " + callback.path("amountKzt") + " KZT for " + callback.path("reference")
                    + "; the invoice is " + onRecord.amountKzt() + " KZT for " + onRecord.number());
        }
        // Asked again over the platform's own connection to the gateway (network: before the transaction).
        switch (payments.invoice(invoiceId)) {
            case Answer.Found<PaymentGateway.Invoice> found when found.value().status().equals(outcome) && found.value().amountKzt() == onRecord.amountKzt() -> { }
            case Answer.Found<PaymentGateway.Invoice> found -> throw mismatch(invoiceId, "the gateway says " + found.value().status() + " for "
                    + found.value().amountKzt() + " KZT; the callback said " + outcome);
            case Answer.NotFound<PaymentGateway.Invoice> none -> throw mismatch(invoiceId, "the gateway knows no such invoice");
            case Answer.Unavailable<PaymentGateway.Invoice> down -> throw new ApplicationRefused("PAYMENT_GATEWAY_UNAVAILABLE", HttpStatus.SERVICE_UNAVAILABLE,
                    "The payment cannot be confirmed with the gateway right now; send the callback again later.").situation("callback");
        }
        return transaction.execute(status -> {
            ApplicationRecord record = applications.lock(onRecord.applicationId()).orElseThrow();
            int changed = db.sql("update application_payment set status = ?, payment_id = ?, paid_at = ? where invoice_id = ? and status = 'PENDING'")
                    .params(outcome, paymentId, Applications.utc(clock.instant()), invoiceId).update();
            if (changed == 0) {
                return CallbackOutcome.ALREADY_RECORDED;
            }
            if ("PAID".equals(outcome) && record.status() == ApplicationStatus.AWAITING_PAYMENT) {
                log.append(record.id(), clock.instant(), Action.Actor.PLATFORM, null, Step.S17, ApplicationStatus.AWAITING_BUYER_SIGNATURE,
                        new Act.Paid(invoiceId, paymentId, onRecord.amountKzt()), null);
            }
            return CallbackOutcome.RECORDED;
        });
    }

    /** A callback that does not match the invoice or the gateway: logged for the security team, refused, nothing stored. */
    private static ApplicationRefused mismatch(String invoiceId, String what) {
        SECURITY.warn("Payment callback for invoice {} refused: {}", invoiceId, what);
        return new ApplicationRefused("CALLBACK_NOT_CONFIRMED", HttpStatus.CONFLICT,
                "The callback does not match the invoice or what the gateway confirms; nothing was recorded.");
    }

    /** Security events go to their own logger, so that operators can route and alert on them. */
    private static final org.slf4j.Logger SECURITY = org.slf4j.LoggerFactory.getLogger("kz.tirkeu.security");

    public enum CallbackOutcome { RECORDED, ALREADY_RECORDED }

    /** S18: what the buyer signs — the seller's statement's facts, the choices and the fees paid; only while S18 awaits it. */
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

    private byte[] statementOf(ApplicationRecord record, Language language) {
        byte[] seller = db.sql("select content from signed_statement where application_id = ? and party = 'SELLER'").param(record.id())
                .query(byte[].class).optional().orElseThrow(() -> new ApplicationRefused("NOT_SIGNED_BY_SELLER", HttpStatus.CONFLICT, "The seller has not signed yet."));
        Map<String, Object> statement = new LinkedHashMap<>();
        statement.put("type", "tirkeu.application.buyer-statement");
        statement.put("applicationNumber", record.number());
        statement.put("language", language.tag());
        statement.put("statement", messages.getMessage("statement.buyer", null, language.locale()));
        statement.put("sellerStatementSha256", java.util.HexFormat.of().formatHex(Digests.sha256(seller)));
        statement.put("application", json.readTree(seller));
        db.sql("select psc_code, plate_type from application_choice where application_id = ?").param(record.id())
                .query((rs, n) -> Map.of("pscCode", rs.getString(1), "plateType", rs.getString(2))).optional()
                .ifPresent(choice -> statement.put("collection", choice));
        db.sql("select invoice_id, payment_id, amount_kzt, items::text from application_payment where application_id = ? and status = 'PAID'").param(record.id())
                .query((rs, n) -> Map.of("invoiceId", rs.getString(1), "paymentId", rs.getString(2), "amountKzt", String.valueOf(rs.getLong(3)),
                        "items", json.readTree(rs.getString(4)))).optional()
                .ifPresent(payment -> statement.put("fees", payment));
        return CanonicalJson.canonicalize(json.writeValueAsString(statement));
    }

    private int vehicleYear(ApplicationRecord record) {
        return log.of(record.id()).stream().filter(a -> a.kind() == Action.Kind.CHECK_PASSED && a.step().orElse(null) == Step.S3)
                .flatMap(a -> a.evidence().stream()).flatMap(e -> VehiclePassports.yearOf(e).stream())
                .reduce((a, b) -> b).orElseThrow(() -> new IllegalStateException("no passport year in the log"));
    }

    private String hmac(byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(callbackSecret, "HmacSHA256"));
            return java.util.HexFormat.of().formatHex(mac.doFinal(body));
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] codeHash(String number, String code) {
        return Digests.sha256((number + ":" + code).getBytes(StandardCharsets.UTF_8));
    }

    private static ApplicationRecord own(SignedInPerson buyer, Optional<ApplicationRecord> record) {
        return record.filter(a -> a.buyerIin().equals(buyer.iin())).orElseThrow(ApplicationProcess::notFound);
    }

    private static void require(ApplicationRecord record, ApplicationStatus expected) {
        if (record.status() != expected) {
            // NOT_AWAITING_CHOICES, NOT_AWAITING_PHONE, NOT_AWAITING_PAYMENT, NOT_AWAITING_BUYER_SIGNATURE: one text for all.
            throw new ApplicationRefused("NOT_" + expected.name(), HttpStatus.CONFLICT,
                    "This step needs the application to be " + expected + "; it is " + record.status() + ".",
                    ProblemException.named("status." + expected.name(), expected.name()), ApplicationRefused.status(record)).toldAs("NOT_IN_STEP");
        }
    }

    public record Invoice(String invoiceId, long amountKzt, String paymentPageUrl, String status) {}
}
