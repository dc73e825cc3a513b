package kz.tirkeu.regime.monitoring;

import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import kz.tirkeu.regime.InvalidRegime;
import kz.tirkeu.regime.RegimeDates;
import org.springframework.modulith.NamedInterface;

/**
 * A reporting period: whole days of Kazakhstan (Asia/Almaty), both ends included, as a report's title states them
 * ("01.01.2026–31.03.2026"). What happened from the first day's midnight up to the midnight after the last day counts.
 */
@NamedInterface("monitoring")
public record Period(LocalDate from, LocalDate to) {

    /** A year and a day: a year's report fits, a decade's cannot slow the server down. */
    static final int LONGEST_DAYS = 367;

    public Period {
        if (from == null || to == null) {
            throw new InvalidRegime("PERIOD_INVALID", "Give the period as from=YYYY-MM-DD and to=YYYY-MM-DD.").situation("missing");
        }
        if (to.isBefore(from)) {
            throw new InvalidRegime("PERIOD_INVALID", "The period ends (" + to + ") before it starts (" + from + ").", String.valueOf(to), String.valueOf(from)).situation("reversed");
        }
        if (ChronoUnit.DAYS.between(from, to) + 1 > LONGEST_DAYS) {
            throw new InvalidRegime("PERIOD_TOO_LONG", "A period is at most " + LONGEST_DAYS + " days; ask for it a year at a time.", String.valueOf(LONGEST_DAYS));
        }
    }

    public static Period parse(String from, String to) {
        try {
            return new Period(from == null ? null : LocalDate.parse(from), to == null ? null : LocalDate.parse(to));
        } catch (DateTimeParseException e) {
            throw new InvalidRegime("PERIOD_INVALID", "Dates are written YYYY-MM-DD; given from=" + from + ", to=" + to + ".", String.valueOf(from), String.valueOf(to)).situation("format");
        }
    }

    public Instant start() {
        return RegimeDates.startOf(from);
    }

    /** The midnight after the last day (exclusive). */
    public Instant end() {
        return RegimeDates.startOf(to.plusDays(1));
    }

    public String text() {
        return RegimeDates.text(from) + "–" + RegimeDates.text(to);
    }
}
