package kz.tirkeu.regime;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import kz.tirkeu.pki.identity.Bin;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The attempts S1 refused because of the regime (its term, status, subjects, channel). No application exists for
 * them, so they are kept here for monitoring: how many dealers still tried after the pilot's term ended is exactly
 * what the authorised body needs to know.
 */
@Component
public class RegimeRefusals {

    private final JdbcClient db;
    private final TransactionTemplate own;

    RegimeRefusals(JdbcClient db, PlatformTransactionManager transactions) {
        this.db = db;
        // Its own transaction: the refusal that follows must not roll the record of it back.
        this.own = new TransactionTemplate(transactions);
        this.own.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    void record(OutsideRegime refusal, Bin seller, SpecialRules.Channel channel, Instant at) {
        own.executeWithoutResult(status -> db.sql("insert into regime_refusal (regime_code, code, rule, seller_bin, channel, at) values (?, ?, ?, ?, ?, ?)")
                .params(refusal.regime().orElse(null), refusal.code(), refusal.rule(), seller.value(), channel.name(), at.atOffset(ZoneOffset.UTC))
                .update());
    }

    /** Refusals of one code for one dealer. */
    public record Counted(String sellerBin, String code, long count) {}

    /** The refusals under a regime in [from, to), per dealer and code. */
    public List<Counted> of(String regime, Instant from, Instant to) {
        List<Counted> counted = new ArrayList<>();
        db.sql("""
                        select seller_bin, code, count(*) as refusals from regime_refusal
                        where regime_code = ? and at >= ? and at < ? group by seller_bin, code order by seller_bin, code""")
                .params(regime, from.atOffset(ZoneOffset.UTC), to.atOffset(ZoneOffset.UTC))
                .query((rs, row) -> counted.add(new Counted(rs.getString("seller_bin").trim(), rs.getString("code"), rs.getLong("refusals"))))
                .list();
        return counted;
    }
}
