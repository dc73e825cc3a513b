package kz.tirkeu.application.web;

import kz.tirkeu.platform.CannotServe;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Locale;
import kz.tirkeu.application.ApplicationRefused;
import kz.tirkeu.notification.Language;
import kz.tirkeu.platform.web.ApiLanguage;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.support.RequestContextUtils;

/**
 * The language a person reads and signs a statement in (S9, S18; issue [11]): the one they ask for ({@code language}),
 * else their client's Accept-Language or the language they chose for notices, else Kazakh, the state language. On a
 * page, the page's own language. The statement names it inside the signed bytes, so the signature says which text
 * was agreed to.
 */
@Component
class StatementLanguages {

    private final ApiLanguage api;

    StatementLanguages(ApiLanguage api) {
        this.api = api;
    }

    Language forApi(String asked, HttpServletRequest request) {
        if (asked != null && !asked.isBlank()) {
            return Language.ofTag(asked).orElseThrow(() -> new ApplicationRefused("STATEMENT_LANGUAGE_UNSUPPORTED", CannotServe.Reason.INVALID,
                    "A statement is written in kk, ru or en, not '" + asked.strip() + "'.", asked.strip()));
        }
        return api.askedOrChosen(request).flatMap(Language::of).orElse(Language.KK);
    }

    static Language forPage(HttpServletRequest request) {
        Locale page = RequestContextUtils.getLocale(request);
        return Language.of(page).orElse(Language.KK);
    }
}
