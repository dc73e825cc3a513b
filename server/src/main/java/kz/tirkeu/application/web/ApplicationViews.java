package kz.tirkeu.application.web;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import kz.tirkeu.application.Act;
import kz.tirkeu.application.Action;
import kz.tirkeu.application.ApplicationRecord;
import kz.tirkeu.application.RefusalTexts;
import kz.tirkeu.platform.web.ApiLanguage;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/** Applications as the API shows them, with their sentences (a refusal, a warning) in the caller's language (issue [11]). */
@Component
class ApplicationViews {

    private final RefusalTexts refusals;
    private final MessageSource messages;
    private final ApiLanguage language;

    ApplicationViews(RefusalTexts refusals, MessageSource messages, ApiLanguage language) {
        this.refusals = refusals;
        this.messages = messages;
        this.language = language;
    }

    ApplicationView of(ApplicationRecord record, List<Action> actions) {
        return ApplicationView.of(record, actions, texts());
    }

    /** The sentences in the caller's language, resolved once for a whole list (the language may take a query). */
    ApplicationView.Texts texts() {
        Locale locale = language.ofCurrentRequest();
        return new ApplicationView.Texts() {
            @Override
            public String refusal(Act decisive) {
                return refusals.ofLogged(decisive, locale);
            }

            @Override
            public String vinCheckDigitWarning() {
                return messages.getMessage("warning.vinCheckDigit", null, ApplicationView.AS_LOGGED.vinCheckDigitWarning(), locale);
            }
        };
    }
}
