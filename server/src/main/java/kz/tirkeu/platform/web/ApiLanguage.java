package kz.tirkeu.platform.web;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.MessageSource;
import org.springframework.context.MessageSourceResolvable;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

/**
 * The language an API answer is written in (problem details, refusal messages): the first of kk, ru and en that
 * {@code Accept-Language} asks for; without the header, the language the signed-in person chose for their notices;
 * else English, which integrators' logs and support desks read. Codes never change with the language.
 *
 * <p>Pages have their own choice (a cookie, else the browser, else Kazakh): see {@code web.PageLanguages}.
 */
@Component
public class ApiLanguage {

    public static final Locale KAZAKH = Locale.forLanguageTag("kk");
    public static final Locale RUSSIAN = Locale.forLanguageTag("ru");
    public static final List<Locale> SUPPORTED = List.of(KAZAKH, RUSSIAN, Locale.ENGLISH);

    private final ObjectProvider<ChosenLanguages> chosen;
    private final MessageSource messages;

    ApiLanguage(ObjectProvider<ChosenLanguages> chosen, MessageSource messages) {
        this.chosen = chosen;
        this.messages = messages;
    }

    public Locale of(HttpServletRequest request) {
        return askedOrChosen(request).orElse(Locale.ENGLISH);
    }

    /** What the request asks for, else what the signed-in person chose; empty when neither says, for callers with their own default. */
    public Optional<Locale> askedOrChosen(HttpServletRequest request) {
        return asked(request).or(this::chosenBySignedInPerson);
    }

    /** The language of the API request being served (English outside a request). */
    public Locale ofCurrentRequest() {
        return org.springframework.web.context.request.RequestContextHolder.getRequestAttributes()
                instanceof org.springframework.web.context.request.ServletRequestAttributes attributes ? of(attributes.getRequest()) : Locale.ENGLISH;
    }

    /** The text of a problem (or any resolvable message) in the request's language. */
    public String text(MessageSourceResolvable text, HttpServletRequest request) {
        return messages.getMessage(text, of(request));
    }

    /** The first supported language the request asks for, if it asks for one. */
    public static Optional<Locale> asked(HttpServletRequest request) {
        if (request.getHeader("Accept-Language") == null) {
            return Optional.empty();
        }
        for (Locale locale : Collections.list(request.getLocales())) {
            for (Locale supported : SUPPORTED) {
                if (supported.getLanguage().equals(locale.getLanguage())) {
                    return Optional.of(supported);
                }
            }
        }
        return Optional.empty();
    }

    private Optional<Locale> chosenBySignedInPerson() {
        Authentication signedIn = SecurityContextHolder.getContext().getAuthentication();
        if (signedIn == null || !signedIn.isAuthenticated() || signedIn instanceof AnonymousAuthenticationToken) {
            return Optional.empty();
        }
        ChosenLanguages languages = chosen.getIfAvailable();
        return languages == null ? Optional.empty() : languages.chosenBy(signedIn.getName());
    }
}
