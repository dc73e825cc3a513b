package kz.tirkeu.regime.monitoring;

import kz.tirkeu.platform.CannotServe;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import kz.tirkeu.regime.InvalidRegime;
import kz.tirkeu.regime.Regime;
import kz.tirkeu.regime.RegimeDates;
import kz.tirkeu.regime.RegimeRefusals;
import kz.tirkeu.regime.RegimeRegistry;
import kz.tirkeu.regime.Subject;
import kz.tirkeu.regime.Term;
import kz.tirkeu.regime.monitoring.Indicators.Refusals;
import kz.tirkeu.regime.monitoring.Indicators.Tally;
import org.springframework.stereotype.Service;

/** Monitoring of a regime (Art. 54): the full indicators for the authorised body and auditors, the published results for anyone. */
@Service
public class RegimeMonitoring {

    private final RegimeRegistry registry;
    private final ActivityIndicators activity;
    private final RegimeRefusals refusals;
    private final Map<PublishedKey, Published> published = new java.util.concurrent.ConcurrentHashMap<>();

    RegimeMonitoring(RegimeRegistry registry, ActivityIndicators activity, RegimeRefusals refusals) {
        this.registry = registry;
        this.activity = activity;
        this.refusals = refusals;
    }

    /**
     * What the applications did, and the attempts the regime refused at S1 before any application existed (step S1,
     * their codes; for the whole regime and per dealer — no region, since ГБД ЮЛ was never asked for them).
     */
    public Indicators indicators(String code, Period period) {
        regime(code);
        Indicators measured = activity.measure(code, period);
        List<RegimeRefusals.Counted> refused = refusals.of(code, period.start(), period.end());
        if (refused.isEmpty()) {
            return measured;
        }
        Map<String, Tally> dealers = new LinkedHashMap<>();
        measured.byDealer().forEach(t -> dealers.put(t.key(), t));
        Map<String, List<Refusals>> byDealer = new LinkedHashMap<>();
        Map<String, Long> total = new TreeMap<>();
        for (RegimeRefusals.Counted c : refused) {
            byDealer.computeIfAbsent(c.sellerBin(), bin -> new ArrayList<>()).add(new Refusals("S1", c.code(), c.count()));
            total.merge(c.code(), c.count(), Long::sum);
        }
        byDealer.forEach((bin, more) -> dealers.put(bin, dealers.getOrDefault(bin, Tally.empty(bin)).withRefusals(more)));
        List<Refusals> totalMore = total.entrySet().stream().map(e -> new Refusals("S1", e.getKey(), e.getValue())).toList();
        return new Indicators(code, period, measured.total().withRefusals(totalMore), measured.byRegion(),
                dealers.values().stream().sorted(java.util.Comparator.comparing(Tally::key)).toList());
    }

    /**
     * The published results, kept for {@link #PUBLISHED_FOR}: the public page and API are read by anyone, as often as
     * they like, and the aggregates behind them scan up to a year of the action log. A few minutes' delay in a public
     * statistic costs nothing; the authorised body's indicators are always computed fresh.
     */
    public PublishedResults published(String code, Period period) {
        Regime regime = regime(code);
        PublishedKey key = new PublishedKey(code, period);
        java.time.Instant now = registry.now();
        Published kept = published.get(key);
        if (kept != null && kept.at().plus(PUBLISHED_FOR).isAfter(now)) {
            return kept.results();
        }
        PublishedResults results = PublishedResults.of(indicators(code, period), bin -> dealerName(regime, bin));
        if (published.size() >= PUBLISHED_KEPT) {
            published.clear(); // arbitrary periods asked for once must not fill the memory
        }
        published.put(key, new Published(results, now));
        return results;
    }

    static final java.time.Duration PUBLISHED_FOR = java.time.Duration.ofMinutes(2);
    static final int PUBLISHED_KEPT = 256;

    private record PublishedKey(String code, Period period) {}

    private record Published(PublishedResults results, java.time.Instant at) {}


    /**
     * The period asked for ({@code from}/{@code to}, YYYY-MM-DD), or by default the regime's term so far, at most its
     * last year.
     */
    public Period period(String code, String from, String to) {
        if (from != null || to != null) {
            return Period.parse(from, to);
        }
        LocalDate today = RegimeDates.dayOf(registry.now());
        Term term = regime(code).parametersAt(registry.now()).term();
        LocalDate end = term.end().isBefore(today) ? term.end() : today;
        LocalDate yearBefore = end.minusDays(Period.LONGEST_DAYS - 2);
        LocalDate start = term.start().isAfter(yearBefore) ? term.start() : yearBefore;
        return new Period(start.isAfter(end) ? end : start, end);
    }

    /** A dealer's name as the regime's record has it (any version: a dealer excluded since is still named). */
    static String dealerName(Regime regime, String bin) {
        return regime.versions().values().stream().flatMap(v -> v.subjects().stream()).filter(s -> s.bin().equals(bin))
                .map(Subject::name).filter(Objects::nonNull).reduce((a, b) -> b).orElse(bin);
    }

    Regime regime(String code) {
        return registry.find(code).orElseThrow(() -> new InvalidRegime("REGIME_NOT_FOUND", CannotServe.Reason.NOT_FOUND, "There is no regime " + code + ".", String.valueOf(code)));
    }
}
