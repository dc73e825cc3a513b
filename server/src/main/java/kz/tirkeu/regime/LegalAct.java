package kz.tirkeu.regime;

import java.time.LocalDate;
import java.util.List;

/**
 * An act a regime or a decision rests on: e.g. the joint order No. 754 of 9 Oct 2025 (MVD) / No. 499 of
 * 7 Oct 2025 (MDAI). A joint act has one number and date per issuing body.
 *
 * @param reference where the text is published (e.g. adilet.zan.kz), so anyone can read the act itself
 */
public record LegalAct(LocalizedText title, List<Issue> issues, String reference) {

    public LegalAct {
        issues = issues == null ? List.of() : List.copyOf(issues);
        reference = reference == null ? "" : reference.strip();
    }

    /** One issuing body's number and date of the act. */
    public record Issue(String number, LocalDate date, LocalizedText issuer) {}

    /** "No. 754 of 09.10.2025 / No. 499 of 07.10.2025", as people cite it. */
    public String citation() {
        return issues.stream().map(i -> "№ " + i.number() + " " + RegimeDates.text(i.date())).reduce((a, b) -> a + " / " + b).orElse("");
    }
}
