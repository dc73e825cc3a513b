package kz.tirkeu.sandbox.pages;

import jakarta.servlet.http.Cookie;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.springframework.web.servlet.function.ServerRequest;

/**
 * The language of a sandbox page: {@code ?lang=} when the tester just chose one, else the choice kept in
 * the platform's own language cookie (so the sandbox and the cabinets speak the same language), else the
 * first of kk, ru, en the browser asks for, else Kazakh, the state language — as the platform's pages do.
 */
public enum Language {
    KK("kk", "Қазақша"), RU("ru", "Русский"), EN("en", "English");

    /** The platform's cookie (kz.tirkeu.web.PageLanguages): a tag, "kk", "ru" or "en". */
    public static final String COOKIE = "TIRKEU_LANG";

    private final String tag;
    private final String name;

    Language(String tag, String name) {
        this.tag = tag;
        this.name = name;
    }

    public String tag() {
        return tag;
    }

    /** In its own language, for the switch. */
    public String ownName() {
        return name;
    }

    public static Optional<Language> of(String tag) {
        return tag == null ? Optional.empty() : Arrays.stream(values()).filter(l -> l.tag.equalsIgnoreCase(tag.strip())).findFirst();
    }

    /** The language the tester chose with {@code ?lang=} in this request, if any. */
    public static Optional<Language> chosenIn(ServerRequest request) {
        return request.param("lang").flatMap(Language::of);
    }

    public static Language of(ServerRequest request) {
        return chosenIn(request).or(() -> cookie(request)).orElseGet(() -> browser(request));
    }

    private static Optional<Language> cookie(ServerRequest request) {
        Cookie[] cookies = request.servletRequest().getCookies();
        if (cookies == null) {
            return Optional.empty();
        }
        return Arrays.stream(cookies).filter(c -> c.getName().equals(COOKIE)).findFirst().flatMap(c -> of(c.getValue()));
    }

    private static Language browser(ServerRequest request) {
        List<Locale.LanguageRange> asked = request.headers().acceptLanguage();
        for (Locale.LanguageRange range : asked) {
            String primary = range.getRange().split("-")[0];
            Optional<Language> known = of(primary);
            if (known.isPresent() && range.getWeight() > 0) {
                return known.get();
            }
        }
        return KK;
    }
}
