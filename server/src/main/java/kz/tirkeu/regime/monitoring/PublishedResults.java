package kz.tirkeu.regime.monitoring;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import kz.tirkeu.regime.monitoring.Indicators.Spread;
import kz.tirkeu.regime.monitoring.Indicators.Tally;

/**
 * The results of a regime as the public register publishes them (Digital Code Art. 56; dissertation art. 19):
 * aggregates only, never a person. A count from 1 to 4 is published as "fewer than 5", and a median or percentile
 * over fewer than 5 cases not at all, so that nobody can be picked out of a small group (a buyer in a region with two
 * registrations). Zero is published as zero: that nothing happened says nothing about anyone.
 *
 * <p>Each figure is a number or the text {@value #FEWER_THAN_5}; durations are ISO-8601 ({@code PT1H30M}).
 */
public record PublishedResults(String regime, Period period, String note, Map<String, Object> total, List<Group> byRegion, List<Group> byDealer) {

    public static final String FEWER_THAN_5 = "fewer than 5";
    static final int THRESHOLD = 5;

    /** @param name the dealer's name (a legal entity's name is public), or the region's code */
    public record Group(String key, String name, Map<String, Object> figures) {}

    public static PublishedResults of(Indicators indicators, Function<String, String> dealerName) {
        return new PublishedResults(indicators.regime(), indicators.period(),
                "Counts from 1 to 4 are shown as \"" + FEWER_THAN_5 + "\"; medians and percentiles over fewer than 5 cases are not shown.",
                figures(indicators.total()),
                indicators.byRegion().stream().map(t -> new Group(t.key(), t.key(), figures(t))).toList(),
                indicators.byDealer().stream().map(t -> new Group(t.key(), dealerName.apply(t.key()), figures(t))).toList());
    }

    /** The published figures of one group, in a fixed order (the CSV's columns). */
    static Map<String, Object> figures(Tally t) {
        Map<String, Object> figures = new LinkedHashMap<>();
        figures.put("started", count(t.started()));
        figures.put("registered", count(t.registered()));
        figures.put("handedOver", count(t.handedOver()));
        figures.put("refused", count(t.refusedTotal()));
        figures.put("declined", count(t.declined()));
        figures.put("expired", count(t.expired()));
        figures.put("startToRegisteredMedian", duration(t.toRegistered(), Spread::median));
        figures.put("startToRegisteredP90", duration(t.toRegistered(), Spread::p90));
        figures.put("registeredToHandoverMedian", duration(t.toHandover(), Spread::median));
        figures.put("registeredToHandoverP90", duration(t.toHandover(), Spread::p90));
        figures.put("reviewsAsked", count(t.reviewsAsked()));
        figures.put("reviewsOverturned", count(t.reviewsOverturned()));
        figures.put("outageWaits", count(t.outageWaits()));
        figures.put("outageWaitTime", t.outageWaits() >= THRESHOLD || t.outageWaits() == 0 ? t.outageWaitTime().toString() : null);
        figures.put("noticesSent", count(t.noticesSent()));
        figures.put("noticesDelivered", count(t.noticesDelivered()));
        figures.put("noticesRead", count(t.noticesRead()));
        t.refused().forEach(r -> figures.merge("refused." + r.step() + "." + r.code(), r.count(), (a, b) -> (Long) a + (Long) b));
        figures.replaceAll((name, value) -> name.startsWith("refused.") ? count((Long) value) : value);
        return figures;
    }

    static Object count(long n) {
        return n > 0 && n < THRESHOLD ? FEWER_THAN_5 : n;
    }

    private static String duration(Spread spread, Function<Spread, Optional<Duration>> which) {
        return spread.count() >= THRESHOLD ? which.apply(spread).map(Duration::toString).orElse(null) : null;
    }
}
