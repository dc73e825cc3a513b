package kz.tirkeu.application;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import kz.tirkeu.notification.NoticeStatistics;
import kz.tirkeu.regime.monitoring.ActivityIndicators;
import kz.tirkeu.regime.monitoring.Indicators;
import kz.tirkeu.regime.monitoring.Indicators.Refusals;
import kz.tirkeu.regime.monitoring.Indicators.Spread;
import kz.tirkeu.regime.monitoring.Indicators.Tally;
import kz.tirkeu.regime.monitoring.Period;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * The monitoring indicators of a regime, from the action log (Digital Code Art. 54): four queries whatever the number of
 * applications, each grouped at once for the whole regime, per region and per dealer ({@code grouping sets}).
 *
 * <p>An application belongs to the region of its seller's legal address as ГБД ЮЛ gave it at the seller check (the
 * fact {@code regionCode} of that evidence) — the same rule the regime's territory is checked by. Only applications
 * touched in the period are read: created before its end and changed since its start.
 */
@Service
class RegimeActivity implements ActivityIndicators {

    static final String ALL = "all";

    /** The applications under the regime with an action in the period, with their region and dealer. */
    private static final String SCOPE = """
            with scope as (
                select a.id, a.number, a.seller_bin,
                       coalesce((select x.evidence -> 'facts' ->> 'regionCode' from application_action x
                                 where x.application_id = a.id and x.evidence ->> 'system' = 'LEGAL_ENTITIES'
                                   and x.evidence -> 'facts' ->> 'regionCode' is not null
                                 order by x.seq limit 1), '—') as region
                from application a
                where a.regime_code = :regime and a.created_at < :to and a.updated_at >= :from
            )
            """;

    private static final String GROUPS = "group by grouping sets ((), (region), (seller_bin))";

    private final JdbcClient db;
    private final NoticeStatistics notices;
    private final Clock clock;

    RegimeActivity(JdbcClient db, NoticeStatistics notices, Clock clock) {
        this.db = db;
        this.notices = notices;
        this.clock = clock;
    }

    @Override
    public Indicators measure(String regime, Period period) {
        Map<String, Object> params = Map.of("regime", regime, "from", Applications.utc(period.start()), "to", Applications.utc(period.end()),
                "now", Applications.utc(clock.instant()));
        Map<Group, Events> events = new HashMap<>();
        db.sql(SCOPE + """
                        , ev as (
                            select s.region, s.seller_bin, x.action, x.at,
                                   min(x.at) filter (where x.action = 'STARTED') over (partition by x.application_id) as started_at,
                                   min(x.at) filter (where x.action = 'REGISTERED') over (partition by x.application_id) as registered_at
                            from scope s join application_action x on x.application_id = s.id
                        )
                        select grouping(region) as no_region, grouping(seller_bin) as no_dealer, region, seller_bin,
                               count(*) filter (where action = 'STARTED') as started,
                               count(*) filter (where action = 'REGISTERED') as registered,
                               count(*) filter (where action = 'HANDED_OVER') as handed_over,
                               count(*) filter (where action = 'BUYER_DECLINED') as declined,
                               count(*) filter (where action = 'EXPIRED') as expired,
                               count(*) filter (where action = 'REVIEW_REQUESTED') as reviews_asked,
                               count(*) filter (where action = 'REVIEW_OVERTURNED') as reviews_overturned,
                               percentile_cont(0.5) within group (order by extract(epoch from at - started_at)) filter (where action = 'REGISTERED') as reg_p50,
                               percentile_cont(0.9) within group (order by extract(epoch from at - started_at)) filter (where action = 'REGISTERED') as reg_p90,
                               percentile_cont(0.5) within group (order by extract(epoch from at - registered_at)) filter (where action = 'HANDED_OVER') as hand_p50,
                               percentile_cont(0.9) within group (order by extract(epoch from at - registered_at)) filter (where action = 'HANDED_OVER') as hand_p90
                        from ev where at >= :from and at < :to
                        """ + GROUPS)
                .params(params)
                .query((rs, row) -> events.put(group(rs), new Events(rs.getLong("started"), rs.getLong("registered"), rs.getLong("handed_over"),
                        rs.getLong("declined"), rs.getLong("expired"), rs.getLong("reviews_asked"), rs.getLong("reviews_overturned"),
                        spread(rs.getLong("registered"), rs, "reg"), spread(rs.getLong("handed_over"), rs, "hand"))))
                .list();

        Map<Group, List<Refusals>> refusals = new HashMap<>();
        db.sql(SCOPE + """
                        select grouping(region) as no_region, grouping(seller_bin) as no_dealer, region, seller_bin,
                               step, code, count(*) as refusals
                        from (select s.region, s.seller_bin, coalesce(x.step, '—') as step, coalesce(x.detail ->> 'code', '—') as code
                              from scope s join application_action x on x.application_id = s.id
                              where x.action in ('CHECK_REFUSED', 'OFFICER_REFUSED') and x.status = 'REFUSED' and x.at >= :from and x.at < :to) r
                        group by grouping sets ((step, code), (region, step, code), (seller_bin, step, code))
                        """)
                .params(params)
                .query((rs, row) -> refusals.computeIfAbsent(group(rs), g -> new ArrayList<>())
                        .add(new Refusals(rs.getString("step"), rs.getString("code"), rs.getLong("refusals"))))
                .list();

        // A wait is a stay in WAITING_FOR_STATE_SYSTEM. The checks of one ask are logged at one instant, so the log is
        // read as asks (the last entry of each instant); a wait begins with an ask that ended waiting after one that did
        // not, and lasts until the next ask.
        Map<Group, long[]> waits = new HashMap<>();
        db.sql(SCOPE + """
                        , ask as (
                            select distinct on (x.application_id, x.at) s.region, s.seller_bin, x.application_id, x.at, x.status
                            from scope s join application_action x on x.application_id = s.id
                            order by x.application_id, x.at, x.seq desc
                        ), stay as (
                            select region, seller_bin, at, status,
                                   lag(status) over w as before, lead(at) over w as until
                            from ask window w as (partition by application_id order by at)
                        )
                        select grouping(region) as no_region, grouping(seller_bin) as no_dealer, region, seller_bin,
                               count(*) filter (where before is distinct from 'WAITING_FOR_STATE_SYSTEM') as waits,
                               coalesce(sum(extract(epoch from coalesce(until, :now) - at)), 0) as seconds
                        from stay where status = 'WAITING_FOR_STATE_SYSTEM' and at >= :from and at < :to
                        """ + GROUPS)
                .params(params)
                .query((rs, row) -> waits.put(group(rs), new long[] {rs.getLong("waits"), Math.round(rs.getDouble("seconds"))}))
                .list();

        Map<Group, NoticeStatistics.Counts> noticeCounts = noticesPerGroup(params, period);

        List<Group> groups = new ArrayList<>(events.keySet());
        refusals.keySet().stream().filter(g -> !events.containsKey(g)).forEach(groups::add);
        groups.sort(Comparator.comparing(Group::key));
        Tally total = tally(new Group(Group.Kind.ALL, ALL), events, refusals, waits, noticeCounts);
        List<Tally> byRegion = groups.stream().filter(g -> g.kind() == Group.Kind.REGION).map(g -> tally(g, events, refusals, waits, noticeCounts)).toList();
        List<Tally> byDealer = groups.stream().filter(g -> g.kind() == Group.Kind.DEALER).map(g -> tally(g, events, refusals, waits, noticeCounts)).toList();
        return new Indicators(regime, period, total, byRegion, byDealer);
    }

    /** The notices about the applications in scope, added up per group (one query here, one in the notification point). */
    private Map<Group, NoticeStatistics.Counts> noticesPerGroup(Map<String, Object> params, Period period) {
        Map<String, String[]> scope = new LinkedHashMap<>();
        db.sql(SCOPE + "select number, region, seller_bin from scope").params(params)
                .query((rs, row) -> scope.put(rs.getString("number"), new String[] {rs.getString("region"), rs.getString("seller_bin")}))
                .list();
        Map<Group, NoticeStatistics.Counts> perGroup = new HashMap<>();
        notices.bySubject(scope.keySet(), period.start(), period.end()).forEach((number, counts) -> {
            String[] belongs = scope.get(number);
            for (Group group : List.of(new Group(Group.Kind.ALL, ALL), new Group(Group.Kind.REGION, belongs[0]), new Group(Group.Kind.DEALER, belongs[1]))) {
                perGroup.merge(group, counts, NoticeStatistics.Counts::plus);
            }
        });
        return perGroup;
    }

    private static Tally tally(Group group, Map<Group, Events> events, Map<Group, List<Refusals>> refusals, Map<Group, long[]> waits,
                               Map<Group, NoticeStatistics.Counts> notices) {
        Events e = events.getOrDefault(group, Events.NONE);
        long[] w = waits.getOrDefault(group, new long[2]);
        NoticeStatistics.Counts n = notices.getOrDefault(group, NoticeStatistics.Counts.NONE);
        List<Refusals> refused = refusals.getOrDefault(group, List.of()).stream()
                .sorted(Comparator.comparing(Refusals::step).thenComparing(Refusals::code)).toList();
        return new Tally(group.key(), e.started, e.registered, e.handedOver, refused, e.declined, e.expired, e.toRegistered, e.toHandover,
                e.reviewsAsked, e.reviewsOverturned, w[0], Duration.ofSeconds(w[1]), n.sent(), n.delivered(), n.read());
    }

    private static Spread spread(long count, ResultSet rs, String prefix) throws SQLException {
        if (count == 0) {
            return Spread.NONE;
        }
        return new Spread(count, Optional.of(seconds(rs.getDouble(prefix + "_p50"))), Optional.of(seconds(rs.getDouble(prefix + "_p90"))));
    }

    private static Duration seconds(double seconds) {
        return Duration.ofMillis(Math.round(seconds * 1000));
    }

    private static Group group(ResultSet rs) throws SQLException {
        if (rs.getInt("no_region") == 0) {
            return new Group(Group.Kind.REGION, rs.getString("region"));
        }
        if (rs.getInt("no_dealer") == 0) {
            return new Group(Group.Kind.DEALER, rs.getString("seller_bin").trim());
        }
        return new Group(Group.Kind.ALL, ALL);
    }

    private record Group(Kind kind, String key) {
        enum Kind { ALL, REGION, DEALER }
    }

    private record Events(long started, long registered, long handedOver, long declined, long expired, long reviewsAsked,
                          long reviewsOverturned, Spread toRegistered, Spread toHandover) {
        static final Events NONE = new Events(0, 0, 0, 0, 0, 0, 0, Spread.NONE, Spread.NONE);
    }
}
