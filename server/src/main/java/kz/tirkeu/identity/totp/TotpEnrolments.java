package kz.tirkeu.identity.totp;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.OptionalLong;
import kz.tirkeu.pki.identity.Iin;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/**
 * Staff who enrolled an authenticator app sign in with its code instead of an SMS. Enrolment takes
 * effect only once the person proves the app works by entering a code from it.
 */
@Repository
public class TotpEnrolments {

    private static final SecureRandom RANDOM = new SecureRandom();

    private final JdbcClient db;
    private final Clock clock;

    TotpEnrolments(JdbcClient db, Clock clock) {
        this.db = db;
        this.clock = clock;
    }

    /** Starts (or restarts) an enrolment; the secret is shown once, as a base32 string and an otpauth URI. */
    public PendingEnrolment start(Iin iin, String accountLabel) {
        byte[] secret = new byte[20];
        RANDOM.nextBytes(secret);
        db.sql("""
                        insert into totp_enrolment (iin, secret, created_at) values (?, ?, ?)
                        on conflict (iin) do update set secret = excluded.secret, created_at = excluded.created_at,
                                                        confirmed_at = null, last_used_step = null""")
                .params(iin.value(), secret, clock.instant().atOffset(ZoneOffset.UTC))
                .update();
        String base32 = Totp.base32(secret);
        // Key URI format: "issuer:account", the colon literal, the account percent-encoded.
        String account = URLEncoder.encode(accountLabel, StandardCharsets.UTF_8).replace("+", "%20");
        return new PendingEnrolment(base32, "otpauth://totp/Tirkeu:" + account + "?secret=" + base32 + "&issuer=Tirkeu&digits=6&period=30");
    }

    /** Confirms with a code from the app; false when the code is wrong. */
    @Transactional
    public boolean confirm(Iin iin, String code) {
        OptionalLong step = match(iin, code, false);
        step.ifPresent(s -> db.sql("update totp_enrolment set confirmed_at = ?, last_used_step = ? where iin = ?")
                .params(clock.instant().atOffset(ZoneOffset.UTC), s, iin.value())
                .update());
        return step.isPresent();
    }

    /** Removes the person's enrolment; their sign-in goes back to the SMS code. False when there was none. */
    public boolean remove(Iin iin) {
        return db.sql("delete from totp_enrolment where iin = ?").param(iin.value()).update() > 0;
    }

    public boolean isEnrolled(Iin iin) {
        return db.sql("select count(*) from totp_enrolment where iin = ? and confirmed_at is not null")
                .param(iin.value()).query(Integer.class).single() > 0;
    }

    /** Checks a sign-in code; a matching code is used up. Call inside the sign-in's transaction. */
    public boolean verify(Iin iin, String code) {
        OptionalLong step = match(iin, code, true);
        step.ifPresent(s -> db.sql("update totp_enrolment set last_used_step = ? where iin = ?").params(s, iin.value()).update());
        return step.isPresent();
    }

    private OptionalLong match(Iin iin, String code, boolean confirmed) {
        record Row(byte[] secret, Long lastUsedStep) {}
        return db.sql("select secret, last_used_step from totp_enrolment where iin = ? and (confirmed_at is not null) = ? for update")
                .params(iin.value(), confirmed)
                .query((rs, n) -> new Row(rs.getBytes(1), (Long) rs.getObject(2)))
                .optional()
                .map(row -> Totp.matchingStep(row.secret(), code, clock.instant(), row.lastUsedStep() == null ? Long.MIN_VALUE : row.lastUsedStep()))
                .orElse(OptionalLong.empty());
    }

    public record PendingEnrolment(String secret, String otpauthUri) {}
}
