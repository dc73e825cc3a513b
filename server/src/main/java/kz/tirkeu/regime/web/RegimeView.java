package kz.tirkeu.regime.web;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import kz.tirkeu.regime.Decision;
import kz.tirkeu.regime.DecisionKind;
import kz.tirkeu.regime.LegalAct;
import kz.tirkeu.regime.LocalizedText;
import kz.tirkeu.regime.Regime;
import kz.tirkeu.regime.RegimeDates;
import kz.tirkeu.regime.RegimeParameters;
import kz.tirkeu.regime.RegimeStatus;
import kz.tirkeu.regime.TerminationGround;

/**
 * A regime as the public register publishes it (Digital Code Art. 56; dissertation art. 19): its record in force, its
 * status now, every version and the history of decisions, including the expiry of its term, which no one decides.
 * Only legal entities are named (their names and BINs are public); the officials who recorded decisions are named by
 * office, never by IIN.
 */
public record RegimeView(String code, boolean sandbox, RegimeStatus status, @Schema(nullable = true) String statusSince, int version, RegimeParameters parameters,
                         List<DecisionView> decisions, Map<Integer, String> versionsRecordedBy) {

    /** Null where the kind of decision has no such part (a derived expiry has no record time nor legal act; only a termination has a ground). */
    public record DecisionView(int seq, DecisionKind kind, String effectiveOn, @Schema(nullable = true) String recordedAt, int version,
                               @Schema(nullable = true) LegalAct legalBasis, @Schema(nullable = true) LocalizedText reason,
                               @Schema(nullable = true) TerminationGround ground, @Schema(nullable = true) String subjectBin,
                               @Schema(nullable = true) String subjectName, String recordedBy, boolean signed, boolean derived) {}

    public static RegimeView of(Regime regime, Instant now) {
        List<DecisionView> history = new ArrayList<>(regime.decisions().stream().map(RegimeView::decision).toList());
        RegimeParameters current = regime.parametersAt(now);
        if (regime.expiredAt(now)) {
            LocalDate end = current.term().end();
            history.add(new DecisionView(0, DecisionKind.TERMINATED, end.plusDays(1).toString(), null, regime.versionAt(now), null,
                    LocalizedText.of("Мерзімі " + RegimeDates.text(end) + " өтті", "Срок истёк " + RegimeDates.text(end), "The term expired on " + RegimeDates.text(end)),
                    TerminationGround.TERM_EXPIRED, null, null, "by itself at the end of the term (Asia/Almaty)", false, true));
        }
        history.sort(Comparator.comparing(DecisionView::effectiveOn));
        Map<Integer, String> versions = new TreeMap<>();
        regime.decisions().stream().filter(d -> d.kind().changesParameters()).forEach(d -> versions.put(d.version(), d.kind() + " " + d.effectiveAt()));
        return new RegimeView(regime.code(), regime.sandbox(), regime.statusAt(now), since(regime, now), regime.versionAt(now), current, history, versions);
    }

    private static String since(Regime regime, Instant now) {
        RegimeStatus status = regime.statusAt(now);
        if (regime.expiredAt(now)) {
            return regime.parametersAt(now).term().end().plusDays(1).toString();
        }
        if (status == RegimeStatus.ACTIVE) {
            Optional<Decision> resumed = regime.effectiveAt(now).stream().filter(d -> d.kind() == DecisionKind.RESUMED).reduce((a, b) -> b);
            LocalDate start = regime.parametersAt(now).term().start();
            return resumed.map(d -> RegimeDates.dayOf(d.effectiveAt())).filter(d -> d.isAfter(start)).orElse(start).toString();
        }
        return regime.effectiveAt(now).stream().reduce((a, b) -> b).map(d -> RegimeDates.dayOf(d.effectiveAt()).toString()).orElse(null);
    }

    static DecisionView decision(Decision d) {
        return new DecisionView(d.seq(), d.kind(), RegimeDates.dayOf(d.effectiveAt()).toString(), d.recordedAt().toString(), d.version(),
                d.content().legalBasis(), d.content().reason(), d.content().ground(), d.content().subjectBin(), d.content().subjectName(),
                // An official is an individual: the public register names the office, never the person (their IIN and name are in the
                // signed decision, which the authorised body and auditors read).
                d.recordedByIin().isPresent() ? "an official of the authorised body, signed with their EDS" : d.recordedBy(), d.signed(), false);
    }
}
