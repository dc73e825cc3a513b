package kz.tirkeu.regime.monitoring;

import java.time.Instant;
import java.time.LocalDate;

/**
 * A dealer's periodic report to the authorised body (the subjects' duties; dissertation art. 18): what the dealer did
 * under the regime in the period, what went wrong and what it proposes. Its canonical JSON (RFC 8785) is what the
 * dealer's head signs.
 */
public record DealerReportContent(String type, String regime, int regimeVersion, String dealerBin, String dealerName, LocalDate from,
                                  LocalDate to, String activity, String problems, String proposals, Instant preparedAt) {

    public static final String TYPE = "tirkeu.regime-dealer-report/1";
}
