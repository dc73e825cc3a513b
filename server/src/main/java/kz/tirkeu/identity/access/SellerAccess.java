package kz.tirkeu.identity.access;

import kz.tirkeu.platform.CannotServe;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import kz.tirkeu.identity.SignedInPerson;
import kz.tirkeu.pki.identity.Bin;
import kz.tirkeu.pki.identity.Iin;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/**
 * Which employees of a legal entity may act as its sellers. By default every employee signing in
 * with the entity's key may; the entity's first head can restrict it to the employees listed. The rule itself
 * is the database function {@code seller_may_act} beside these tables (V90), which a session's authentication
 * asks in its one query: nobody else reads {@code seller_policy} or {@code seller_authorisation}.
 */
@Repository
public class SellerAccess {

    private final JdbcClient db;
    private final Clock clock;

    SellerAccess(JdbcClient db, Clock clock) {
        this.db = db;
        this.clock = clock;
    }

    public SellerRules rules(Bin bin) {
        boolean restricted = db.sql("select restricted from seller_policy where bin = ?").param(bin.value())
                .query(Boolean.class).optional().orElse(false);
        List<String> listed = db.sql("select iin from seller_authorisation where bin = ? and withdrawn_at is null order by granted_at")
                .param(bin.value()).query(String.class).list();
        return new SellerRules(bin.value(), restricted, listed);
    }

    @Transactional
    public SellerRules restrict(SignedInPerson head, Bin bin, boolean restricted) {
        requireHead(head, bin);
        db.sql("""
                        insert into seller_policy (bin, restricted, changed_by, changed_at) values (?, ?, ?, ?)
                        on conflict (bin) do update set restricted = excluded.restricted, changed_by = excluded.changed_by, changed_at = excluded.changed_at""")
                .params(bin.value(), restricted, head.iin().value(), now())
                .update();
        return rules(bin);
    }

    public SellerRules authorise(SignedInPerson head, Bin bin, Iin employee) {
        requireHead(head, bin);
        try {
            db.sql("insert into seller_authorisation (id, bin, iin, granted_by, granted_at) values (?, ?, ?, ?, ?)")
                    .params(UUID.randomUUID(), bin.value(), employee.value(), head.iin().value(), now())
                    .update();
        } catch (DuplicateKeyException e) {
            throw new AccessChangeRefused("SELLER_ALREADY_AUTHORISED", CannotServe.Reason.CONFLICT, employee + " is already listed as a seller.", employee);
        }
        return rules(bin);
    }

    public SellerRules withdraw(SignedInPerson head, Bin bin, Iin employee) {
        requireHead(head, bin);
        int changed = db.sql("update seller_authorisation set withdrawn_by = ?, withdrawn_at = ? where bin = ? and iin = ? and withdrawn_at is null")
                .params(head.iin().value(), now(), bin.value(), employee.value())
                .update();
        if (changed == 0) {
            throw new AccessChangeRefused("SELLER_NOT_AUTHORISED", CannotServe.Reason.NOT_FOUND, employee + " is not listed as a seller.", employee);
        }
        return rules(bin);
    }

    private static void requireHead(SignedInPerson person, Bin bin) {
        if (!person.isHeadOf(bin)) {
            throw new AccessChangeRefused("NOT_THE_HEAD", CannotServe.Reason.FORBIDDEN,
                    "Only the first head of the organisation, signed in with its key, decides who may act as its seller.");
        }
    }

    private OffsetDateTime now() {
        return clock.instant().atOffset(ZoneOffset.UTC);
    }

    public record SellerRules(String bin, boolean restricted, List<String> listedSellers) {}
}
