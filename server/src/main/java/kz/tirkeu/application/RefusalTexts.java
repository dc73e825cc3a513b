package kz.tirkeu.application;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import kz.tirkeu.notification.Language;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * How a refusal is said to people, in kk, ru and en ({@code refusal.<CODE>} in messages*.properties): in a notice, on
 * the API. The action log keeps the algorithm's English message as the record; readers get their own language.
 */
@Component
public class RefusalTexts {

    /** The code an officer's own refusal is logged under; its text carries the officer's reason as given. */
    public static final String BY_OFFICER = "REFUSED_BY_OFFICER";

    private final MessageSource messages;

    RefusalTexts(MessageSource messages) {
        this.messages = messages;
    }

    public String in(Refusal refusal, Locale locale) {
        return messages.getMessage("refusal." + refusal.name(), null, refusal.message(), locale);
    }

    /**
     * The text of a refusal as logged, in a language: an automated refusal by its code, an officer's by the reason given.
     */
    public String ofLogged(Act refusal, Locale locale) {
        return switch (refusal) {
            case Act.CheckRefused automated -> in(automated.code(), locale);
            case Act.OfficerRefused byOfficer -> byOfficer(byOfficer.reason(), locale);
            default -> throw new IllegalArgumentException("not a refusal: " + refusal.kind());
        };
    }

    /** The notice parameter {@code name} in every language: {@code name@kk}, {@code name@ru}, {@code name@en}. */
    public Map<String, String> forNotice(String name, Refusal refusal) {
        Map<String, String> texts = new LinkedHashMap<>();
        for (Language language : Language.values()) {
            texts.put(name + "@" + language.tag(), in(refusal, language.locale()));
        }
        return texts;
    }

    /** An officer's refusal for a notice: the platform's words in each language around the officer's reason as given. */
    public Map<String, String> forNoticeByOfficer(String name, String reason) {
        Map<String, String> texts = new LinkedHashMap<>();
        for (Language language : Language.values()) {
            texts.put(name + "@" + language.tag(), byOfficer(reason, language.locale()));
        }
        return texts;
    }

    private String byOfficer(String reason, Locale locale) {
        return messages.getMessage("refusal.REFUSED_BY_OFFICER.because", new Object[] {reason}, "The service cannot be provided: " + reason, locale);
    }
}
