package kz.tirkeu.pki.validation;

/** One step of a validation and what it found, for the human-readable report. */
public record Check(String name, Outcome outcome, String detail) {

    public enum Outcome { OK, FAILED, INDETERMINATE }

    static Check ok(String name, String detail) {
        return new Check(name, Outcome.OK, detail);
    }
}
