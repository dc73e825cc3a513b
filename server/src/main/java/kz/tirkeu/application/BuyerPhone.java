package kz.tirkeu.application;

import kz.tirkeu.platform.CannotServe;
import static kz.tirkeu.application.BuyerStepRules.own;
import static kz.tirkeu.application.BuyerStepRules.require;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Locale;
import kz.tirkeu.identity.SignedInPerson;
import kz.tirkeu.notification.NotificationPoint;
import kz.tirkeu.pki.cms.Digests;
import kz.tirkeu.statesystems.PhoneNumber;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * S16 without МБГ: the buyer types a phone number and confirms it with the code sent to it by SMS. Codes are kept
 * only as hashes, expire, allow a few wrong tries, and are limited per buyer and per number.
 */
@Service
public class BuyerPhone {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Duration CODE_VALIDITY = Duration.ofMinutes(5);

    /** Wrong codes before the code is void and the buyer must ask for a new one. */
    static final int WRONG_CODES_ALLOWED = 5;
    static final int CODES_PER_PERSON = 5;
    static final int CODES_PER_NUMBER = 5;
    static final Duration CODE_WINDOW = Duration.ofMinutes(30);

    private final Applications applications;
    private final ActionLog log;
    private final NotificationPoint notifications;
    private final JdbcClient db;
    private final TransactionTemplate transaction;
    private final Clock clock;

    BuyerPhone(Applications applications, ActionLog log, NotificationPoint notifications, JdbcClient db, TransactionTemplate transaction, Clock clock) {
        this.applications = applications;
        this.log = log;
        this.notifications = notifications;
        this.db = db;
        this.transaction = transaction;
        this.clock = clock;
    }

    /** The buyer types a number; a code goes to it (after the transaction, so a refused request sends nothing). */
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
            throw new ApplicationRefused("TOO_MANY_CODES", CannotServe.Reason.TOO_MANY,
                    "Too many codes were sent " + (numberFull ? "to this number" : "for you") + " in the last "
                            + CODE_WINDOW.toMinutes() + " minutes. Wait a while, then ask for a new code.", String.valueOf(CODE_WINDOW.toMinutes()))
                    .situation(numberFull ? "number" : "person");
        }
        db.sql("insert into phone_code_request (buyer_iin, phone, requested_at) values (?, ?, ?)")
                .params(buyer.iin().value(), phone.e164(), Applications.utc(clock.instant())).update();
    }

    /**
     * The code sent to the typed number. A wrong code is counted in a transaction that commits, and only then
     * refused: a refusal thrown inside the transaction would roll its own count back, and the limit would never hold.
     */
    public ApplicationRecord confirmPhone(SignedInPerson buyer, String number, String code) {
        record Outcome(ApplicationRecord confirmed, ApplicationRefused refused) {}
        Outcome outcome = transaction.execute(status -> {
            ApplicationRecord record = own(buyer, applications.lock(number));
            require(record, ApplicationStatus.AWAITING_PHONE);
            record PhoneRow(String phone, byte[] hash, OffsetDateTime expires, int wrong) {}
            PhoneRow row = db.sql("select phone, code_hash, code_expires_at, wrong_codes from buyer_phone where application_id = ? and source = 'BUYER'")
                    .param(record.id()).query((rs, n) -> new PhoneRow(rs.getString(1), rs.getBytes(2), rs.getObject(3, OffsetDateTime.class), rs.getInt(4)))
                    .optional().orElseThrow(() -> new ApplicationRefused("NO_PHONE_ENTERED", CannotServe.Reason.CONFLICT, "Enter your phone number first."));
            if (row.wrong() >= WRONG_CODES_ALLOWED || row.expires() == null || clock.instant().isAfter(row.expires().toInstant())) {
                throw new ApplicationRefused("CODE_EXPIRED", CannotServe.Reason.GONE, "The code has expired or was mistyped too often. Enter the number again for a new code.")
                        .situation("phone");
            }
            if (code == null || !MessageDigest.isEqual(codeHash(record.number(), code.strip()), row.hash())) {
                db.sql("update buyer_phone set wrong_codes = wrong_codes + 1 where application_id = ?").param(record.id()).update();
                return new Outcome(null, new ApplicationRefused("CODE_WRONG", CannotServe.Reason.INVALID, "The code is not right."));
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

    private static byte[] codeHash(String number, String code) {
        return Digests.sha256((number + ":" + code).getBytes(StandardCharsets.UTF_8));
    }
}
