package kz.tirkeu.regime.monitoring;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import kz.tirkeu.regime.LocalizedText;
import kz.tirkeu.regime.RegimeStatus;
import kz.tirkeu.regime.Term;

/**
 * The evaluation report of a regime for a period (Digital Code Art. 54; dissertation art. 18, its report format):
 * what the regime is, how it stood, what was decided in the period, the indicators in full, and which admitted
 * dealers reported. The platform issues it sealed with its own key; its canonical JSON is the document.
 *
 * @param method how the indicators are counted, so that a reader years later knows what the figures mean
 */
public record EvaluationContent(String type, String number, String regime, int regimeVersion, LocalizedText name, List<String> legalBasis,
                                Term term, Set<String> territory, RegimeStatus statusAtPeriodEnd, Period period, Instant issuedAt, String issuer,
                                Indicators indicators, List<DecisionInPeriod> decisions, List<DealerReportReceived> dealerReports,
                                List<String> dealersWithoutReport, String method) {

    public static final String TYPE = "tirkeu.regime-evaluation/1";

    public record DecisionInPeriod(LocalDate effectiveOn, String kind, String legalBasis, LocalizedText reason) {}

    public record DealerReportReceived(String dealerBin, String dealerName, LocalDate from, LocalDate to, Instant submittedAt, String id) {}

    static final String METHOD = "Counted from the applications' action logs. An event counts in the period in which it happened "
            + "(days of Asia/Almaty, both ends included). Refusals are final ones (automated and by officers), by step and code; a correctable "
            + "refusal (the buyer's IIN) is not one; attempts the regime itself refused at S1 (no application was created) are counted as "
            + "step S1 with their code, per dealer but in no region (ГБД ЮЛ was not asked). Durations are the median and 90th percentile (linear interpolation) of S1→REGISTERED "
            + "for registrations in the period and of REGISTERED→HANDED_OVER for handovers in the period. A wait begins when an ask of the "
            + "state systems ends waiting after one that did not, and lasts until the next ask (up to the issue time if not over). "
            + "An application belongs to the region of its seller's legal address in ГБД ЮЛ. Notices are those about the applications, "
            + "created in the period; delivered means over at least one channel, read means opened in the cabinet.";
}
