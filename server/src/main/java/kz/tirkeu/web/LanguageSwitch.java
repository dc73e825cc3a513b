package kz.tirkeu.web;

import kz.tirkeu.platform.web.PageController;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Locale;
import kz.tirkeu.identity.web.CurrentPerson;
import kz.tirkeu.identity.web.PublicEndpoint;
import kz.tirkeu.notification.Language;
import kz.tirkeu.notification.RecipientPreferences;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.LocaleResolver;

/**
 * The language switch in every page's header: a form of three buttons, so it works without JavaScript and from the
 * keyboard. A signed-in person's choice also becomes the language of their notices (SMS, e-mail, inbox) — a change
 * of what the platform keeps, so it is a CSRF-protected POST (issue [7]). {@code GET /language?lang=…} stays for links
 * (a notice may carry one): it switches the pages' language in this browser and changes nothing kept.
 */
@Controller
@PageController
@PublicEndpoint // the sign-in pages need it too
class LanguageSwitch {

    private final LocaleResolver locales;
    private final RecipientPreferences preferences;

    LanguageSwitch(LocaleResolver locales, RecipientPreferences preferences) {
        this.locales = locales;
        this.preferences = preferences;
    }

    @PostMapping("/language")
    String choose(@RequestParam(required = false) String lang, @RequestParam(name = "return", required = false) String returnTo,
                  HttpServletRequest request, HttpServletResponse response) {
        Locale chosen = PageLanguages.supported(lang);
        if (chosen != null) {
            CurrentPerson.of(request).ifPresent(person -> preferences.chooseLanguage(person.iin(), Language.of(chosen).orElseThrow()));
        }
        return switchPages(lang, returnTo, request, response);
    }

    @GetMapping("/language")
    String switchPages(@RequestParam(required = false) String lang, @RequestParam(name = "return", required = false) String returnTo,
                       HttpServletRequest request, HttpServletResponse response) {
        Locale chosen = PageLanguages.supported(lang);
        if (chosen != null) {
            locales.setLocale(request, response, chosen);
        }
        return "redirect:" + localPath(returnTo);
    }

    /** Only a path of this site: never an open redirect to somewhere else. */
    static String localPath(String returnTo) {
        if (returnTo == null || !returnTo.startsWith("/") || returnTo.startsWith("//") || returnTo.startsWith("/\\")
                || returnTo.chars().anyMatch(c -> c < 0x20)) {
            return "/";
        }
        // Braces are URI template variables to a "redirect:" view ("/{x}" failed with a 500): send them encoded.
        return returnTo.replace("{", "%7B").replace("}", "%7D");
    }
}
