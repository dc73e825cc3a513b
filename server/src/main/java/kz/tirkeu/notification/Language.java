package kz.tirkeu.notification;

import java.util.Locale;
import java.util.Optional;

/** The languages notices are written in. */
public enum Language {
    KK("kk"), RU("ru"), EN("en");

    private final String tag;

    Language(String tag) {
        this.tag = tag;
    }

    /** The ISO 639-1 code, as stored and as in the template file names. */
    public String tag() {
        return tag;
    }

    public Locale locale() {
        return Locale.forLanguageTag(tag);
    }

    public static Optional<Language> ofTag(String tag) {
        if (tag == null) {
            return Optional.empty();
        }
        for (Language language : values()) {
            if (language.tag.equalsIgnoreCase(tag.strip())) {
                return Optional.of(language);
            }
        }
        return Optional.empty();
    }

    /** kk-KZ, ru-RU, en-GB… map to their language; anything else is empty, for the caller to fall back. */
    public static Optional<Language> of(Locale locale) {
        return locale == null ? Optional.empty() : ofTag(locale.getLanguage());
    }
}
