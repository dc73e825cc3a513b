package kz.tirkeu.regime;

/**
 * A regime as an application's pages and notices name it: what it is called, its act, its term, what the buyer
 * is told before agreeing (Art. 52(3)), and whether it is only the sandbox's test data.
 */
public record RegimeSummary(RegimeRef ref, LocalizedText name, String citation, Term term, CounterpartyNotice notice,
                            LocalizedText authorisedBody, boolean sandbox) {

    private static final LocalizedText TEST_DATA = LocalizedText.of("[Құмсалғыштың сынақ деректері, заңды күші жоқ] ",
            "[Тестовые данные песочницы, без юридической силы] ", "[Sandbox test data, no legal force] ");

    /**
     * What the buyer is told before agreeing (Art. 52(3)), in one paragraph per language: the regime, its act and term,
     * what it is, its risks and where to complain.
     */
    public LocalizedText counterpartyText() {
        String term = RegimeDates.text(term().start()) + "–" + RegimeDates.text(term().end());
        return new LocalizedText(paragraph("kk", term), paragraph("ru", term), paragraph("en", term));
    }

    private String paragraph(String language, String term) {
        java.util.Locale locale = java.util.Locale.forLanguageTag(language);
        return (sandbox ? TEST_DATA.in(locale) : "") + "«" + name.in(locale) + "» (" + citation + "; " + term + "). "
                + notice.what().in(locale) + " " + notice.risks().in(locale) + " " + notice.complaints().in(locale);
    }
}
