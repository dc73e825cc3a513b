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
     * The text of a refusal as logged (its code and, for an officer's refusal, the reason given), in a language; the
     * logged message when the code is none the platform knows.
     */
    public String ofLogged(Map<String, String> detail, Locale locale) {
        String code = detail.getOrDefault("code", "");
        if (BY_OFFICER.equals(code) && detail.containsKey("reason")) {
            return byOfficer(detail.get("reason"), locale);
        }
        try {
            return in(Refusal.valueOf(code), locale);
        } catch (IllegalArgumentException unknown) {
            return detail.getOrDefault("message", "");
        }
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
