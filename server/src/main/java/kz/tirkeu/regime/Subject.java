package kz.tirkeu.regime;

import java.time.LocalDate;
import java.util.Optional;
import kz.tirkeu.pki.identity.Bin;

/**
 * A subject of a regime (dissertation art. 11): a dealer admitted by an act on a date, and, once it has lost
 * that status, when, why and by which act. A legal entity's name and BIN are public.
 */
public record Subject(String bin, String name, LegalAct admittedBy, LocalDate admittedOn, Optional<Exclusion> exclusion) {

    public Subject {
        exclusion = exclusion == null ? Optional.empty() : exclusion;
        name = name == null ? "" : name.strip();
        if (bin == null || !Bin.isValid(bin.strip())) {
            throw new InvalidRegime("SUBJECT_BIN_INVALID", "A subject is named by a valid twelve-digit BIN; given " + bin + ".", String.valueOf(bin)).situation("given");
        }
        bin = bin.strip();
        if (admittedOn == null) {
            throw new InvalidRegime("SUBJECT_ADMISSION_DATE_MISSING", "Say on which day the dealer " + bin + " was admitted (admittedOn).", String.valueOf(bin));
        }
    }

    public record Exclusion(LocalDate on, LocalizedText reason, LegalAct by) {}

    /** A subject on that day: admitted by then, and not excluded by then. */
    public boolean admittedOn(LocalDate day) {
        return !day.isBefore(admittedOn) && exclusion.map(e -> day.isBefore(e.on())).orElse(true);
    }

    public Subject excluded(Exclusion why) {
        return new Subject(bin, name, admittedBy, admittedOn, Optional.of(why));
    }
}
