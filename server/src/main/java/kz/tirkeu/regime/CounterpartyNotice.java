package kz.tirkeu.regime;

/**
 * What participants must tell their counterparties before they take part (Digital Code Art. 52(3)): what the
 * experiment is, its risks, and where to complain. The buyer reads it before agreeing at S10.
 */
public record CounterpartyNotice(LocalizedText what, LocalizedText risks, LocalizedText complaints) {

    public void check() {
        if (what == null || what.isBlank() || risks == null || risks.isBlank() || complaints == null || complaints.isBlank()) {
            throw new InvalidRegime("COUNTERPARTY_NOTICE_MISSING",
                    "Art. 52(3): say what the experiment is, its risks and where to complain (counterpartyNotice.what, .risks, .complaints).").situation("parts");
        }
    }
}
