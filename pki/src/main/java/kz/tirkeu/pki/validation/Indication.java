package kz.tirkeu.pki.validation;

/** The main indication of a validation, as in ETSI EN 319 102-1 (TOTAL-PASSED, TOTAL-FAILED, INDETERMINATE). */
public enum Indication {
    PASSED,
    FAILED,
    INDETERMINATE
}
