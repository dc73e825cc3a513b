package kz.tirkeu.regime;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

/**
 * Dates of a regime are dates of Kazakhstan: a term that ends on 31.08.2026 ends at midnight in Astana and
 * Almaty (Asia/Almaty, UTC+5 since 1 March 2024), wherever the server runs.
 */
public final class RegimeDates {

    public static final ZoneId ZONE = ZoneId.of("Asia/Almaty");
    private static final DateTimeFormatter DOTTED = DateTimeFormatter.ofPattern("dd.MM.yyyy");

    private RegimeDates() {}

    public static Instant startOf(LocalDate day) {
        return day.atStartOfDay(ZONE).toInstant();
    }

    public static LocalDate dayOf(Instant at) {
        return at.atZone(ZONE).toLocalDate();
    }

    /** 31.08.2026, as Kazakh and Russian texts write dates. */
    public static String text(LocalDate day) {
        return day == null ? "" : DOTTED.format(day);
    }
}
