package kz.tirkeu.pki.document;

import java.util.Optional;
import kz.tirkeu.pki.validation.ValidationReport;

/**
 * A digital document as read back: its canonical JSON content (when it could be extracted) and the
 * validation report. Trust the content only when {@code report.passed()}.
 */
public record VerifiedDocument(Optional<String> content, ValidationReport report) {

    public boolean passed() {
        return report.passed();
    }
}
