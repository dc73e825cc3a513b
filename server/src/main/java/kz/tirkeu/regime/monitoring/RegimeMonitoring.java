package kz.tirkeu.regime.monitoring;

import java.time.LocalDate;
import java.util.Objects;
import kz.tirkeu.regime.InvalidRegime;
import kz.tirkeu.regime.Regime;
import kz.tirkeu.regime.RegimeDates;
import kz.tirkeu.regime.RegimeRegistry;
import kz.tirkeu.regime.Term;
import kz.tirkeu.regime.Subject;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;

/** Monitoring of a regime (Art. 54): the full indicators for the authorised body and auditors, the published results for anyone. */
@Service
public class RegimeMonitoring {

    private final RegimeRegistry registry;
    private final ActivityIndicators activity;

    RegimeMonitoring(RegimeRegistry registry, ActivityIndicators activity) {
        this.registry = registry;
        this.activity = activity;
    }

    public Indicators indicators(String code, Period period) {
        regime(code);
        return activity.measure(code, period);
    }

    public PublishedResults published(String code, Period period) {
        Regime regime = regime(code);
        return PublishedResults.of(activity.measure(code, period), bin -> dealerName(regime, bin));
    }

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
        return registry.find(code).orElseThrow(() -> new InvalidRegime("REGIME_NOT_FOUND", HttpStatus.NOT_FOUND, "There is no regime " + code + "."));
    }
}
