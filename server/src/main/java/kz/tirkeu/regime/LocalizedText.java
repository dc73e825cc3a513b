package kz.tirkeu.regime;

import java.util.Locale;

/** A text of a regime record in the three languages of the platform; a missing one falls back to Russian, then Kazakh. */
public record LocalizedText(String kk, String ru, String en) {

    public LocalizedText {
        kk = kk == null ? "" : kk.strip();
        ru = ru == null ? "" : ru.strip();
        en = en == null ? "" : en.strip();
    }

    public static LocalizedText of(String kk, String ru, String en) {
        return new LocalizedText(kk, ru, en);
    }

    public String in(Locale locale) {
        String language = locale == null ? "kk" : locale.getLanguage();
        String text = switch (language) {
            case "ru" -> ru;
            case "en" -> en;
            default -> kk;
        };
        return !text.isEmpty() ? text : !ru.isEmpty() ? ru : kk;
    }

    public boolean isBlank() {
        return kk.isEmpty() && ru.isEmpty() && en.isEmpty();
    }
}
