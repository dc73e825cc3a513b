package kz.tirkeu.regime;

import kz.tirkeu.platform.CannotServe;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import kz.tirkeu.platform.web.LocalizedProblem;

/**
 * An application that cannot start because it falls outside every regime in force (issue [6] point 3): the
 * regime, the rule and the date, in the person's language. It is a limit the regime's act sets, not a decision
 * about the applicant, so there is no human review of it (Art. 39 is for automated decisions about a person);
 * complaints go to the authorised body the text names.
 *
 * @param rule the rule of the regime that is not met: TERM, STATUS, SUBJECTS, CHANNEL
 */
public class OutsideRegime extends CannotServe implements LocalizedProblem {

    private final String regime;
    private final String rule;
    private final LocalDate date;
    private final LocalizedText text;

    public OutsideRegime(String code, String regime, String rule, LocalDate date, LocalizedText text) {
        super(code, Reason.CONFLICT, text.en());
        this.regime = regime;
        this.rule = rule;
        this.date = date;
        this.text = text;
    }

    @Override
    public String message(Locale locale) {
        return text.in(locale);
    }

    /** The regime whose limit refused, if any regime is on record. */
    public java.util.Optional<String> regime() {
        return java.util.Optional.ofNullable(regime);
    }

    public String rule() {
        return rule;
    }

    public LocalizedText text() {
        return text;
    }

    @Override
    public Map<String, Object> properties() {
        Map<String, Object> properties = new LinkedHashMap<>();
        if (regime != null) {
            properties.put("regime", regime);
        }
        properties.put("rule", rule);
        if (date != null) {
            properties.put("date", date.toString());
        }
        properties.put("reviewable", false);
        return properties;
    }
}
