package kz.tirkeu.regime;

/**
 * A regime as an application's pages and notices name it: what it is called, its act, its term, what the buyer
 * is told before agreeing (Art. 52(3)), and whether it is only the sandbox's test data.
 */
public record RegimeSummary(RegimeRef ref, LocalizedText name, String citation, Term term, CounterpartyNotice notice,
                            LocalizedText authorisedBody, boolean sandbox) {}
