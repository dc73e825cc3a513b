package kz.tirkeu.regime;

import java.time.Instant;
import java.time.LocalDate;

/**
 * A regime's term: from its first day to its last, both included, in Kazakhstan's dates. It is in force from
 * the start of {@code start} to the end of {@code end}; expiry takes effect by itself at the midnight after
 * {@code end} (Asia/Almaty), with no decision needed.
 */
public record Term(LocalDate start, LocalDate end) {

    public Term {
        if (start == null || end == null) {
            throw new InvalidRegime("TERM_INVALID", "A term needs its first and its last day.").situation("days");
        }
        if (end.isBefore(start)) {
            throw new InvalidRegime("TERM_INVALID", "The term's last day " + RegimeDates.text(end) + " is before its first " + RegimeDates.text(start) + ".", String.valueOf(RegimeDates.text(end)), String.valueOf(RegimeDates.text(start))).situation("reversed");
        }
    }

    public Instant startsAt() {
        return RegimeDates.startOf(start);
    }

    /** The instant the term has run out: the midnight after its last day. */
    public Instant expiresAt() {
        return RegimeDates.startOf(end.plusDays(1));
    }

    public boolean covers(Instant at) {
        return !at.isBefore(startsAt()) && at.isBefore(expiresAt());
    }

    /**
     * Digital Code Art. 52(4): a regime is established for one to five years. Checked for every term recorded
     * through the platform; the real pilot's shorter term (Oct 2025 – Aug 2026), set by an order made before the
     * Code, is recorded as it was enacted.
     */
    public void checkLength() {
        LocalDate shortest = start.plusYears(1).minusDays(1);
        LocalDate longest = start.plusYears(5).minusDays(1);
        if (end.isBefore(shortest) || end.isAfter(longest)) {
            throw new InvalidRegime("TERM_OUT_OF_BOUNDS", "Digital Code Art. 52(4): a regime's term is one to five years; from "
                    + RegimeDates.text(start) + " it must end between " + RegimeDates.text(shortest) + " and " + RegimeDates.text(longest)
                    + ", not on " + RegimeDates.text(end) + ".", String.valueOf(RegimeDates.text(start)), String.valueOf(RegimeDates.text(shortest)), String.valueOf(RegimeDates.text(longest)), String.valueOf(RegimeDates.text(end)));
        }
    }
}
