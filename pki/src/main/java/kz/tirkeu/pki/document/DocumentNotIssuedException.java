package kz.tirkeu.pki.document;

import kz.tirkeu.pki.validation.ValidationReport;

/** A document was signed but its signature did not validate, so it was not issued. */
public class DocumentNotIssuedException extends RuntimeException {
    private final transient ValidationReport report;

    public DocumentNotIssuedException(ValidationReport report) {
        super("the document's signature does not validate: " + report.indication()
                + report.subIndication().map(s -> " / " + s).orElse("") + ": " + report.message());
        this.report = report;
    }

    public ValidationReport report() {
        return report;
    }
}
