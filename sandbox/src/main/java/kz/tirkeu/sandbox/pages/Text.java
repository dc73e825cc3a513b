package kz.tirkeu.sandbox.pages;

/** One text of a sandbox page in the three languages; a page cannot have a text missing in one of them. */
public record Text(String kk, String ru, String en) {

    public String in(Language language) {
        return switch (language) {
            case KK -> kk;
            case RU -> ru;
            case EN -> en;
        };
    }

    /** {@link String#formatted} in that language. */
    public String in(Language language, Object... args) {
        return in(language).formatted(args);
    }
}
