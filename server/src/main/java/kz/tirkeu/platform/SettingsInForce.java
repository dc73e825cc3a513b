package kz.tirkeu.platform;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.List;

/**
 * One business area's settings as administrators and auditors may read them on the page "the
 * configuration in force". Each area implements it over its own properties, so the page depends on
 * none of them and the defaults are said once, in the properties records. Never a secret: no key,
 * password or shared secret is ever a {@link Setting}.
 */
public interface SettingsInForce {

    List<Setting> settings();

    /** The page's sections, in the order shown. */
    enum Group { PROCESS, PLATES, SYSTEMS }

    /**
     * @param rank  the place within its group (smaller first), so that the page reads in a fixed order
     *              whichever area's bean Spring happens to list first
     * @param id    the element id on the page, for people's bookmarks and the browser tests
     * @param label the message key of its name
     */
    record Setting(Group group, int rank, String id, String label, Shown shown) {
    }

    /** A value and how a person reads it. */
    record Shown(Kind kind, String text, long amount) {

        public enum Kind { TEXT, CODE, DURATION, MESSAGE }

        public static Shown text(String text) {
            return new Shown(Kind.TEXT, text, 0);
        }

        /** A literal to be read exactly: letters, a list of codes. */
        public static Shown code(String text) {
            return new Shown(Kind.CODE, text, 0);
        }

        /** A message key, for values that are words in the reader's language. */
        public static Shown message(String key) {
            return new Shown(Kind.MESSAGE, key, 0);
        }

        /** An address as configured may carry a user and password or a token in its query: those are never shown. */
        public static Shown address(String url) {
            try {
                URI uri = URI.create(url.strip());
                return code(new URI(uri.getScheme(), null, uri.getHost(), uri.getPort(), uri.getPath(), null, null).toString());
            } catch (IllegalArgumentException | URISyntaxException e) {
                return code("(not a valid address)");
            }
        }

        /** A duration in the largest unit it is a whole number of, for people: 10 days, not PT240H. */
        public static Shown duration(Duration duration) {
            long seconds = duration.toSeconds();
            if (seconds != 0 && seconds % 86_400 == 0) {
                return new Shown(Kind.DURATION, "DAYS", duration.toDays());
            }
            if (seconds != 0 && seconds % 3_600 == 0) {
                return new Shown(Kind.DURATION, "HOURS", duration.toHours());
            }
            if (seconds != 0 && seconds % 60 == 0) {
                return new Shown(Kind.DURATION, "MINUTES", duration.toMinutes());
            }
            return new Shown(Kind.DURATION, "SECONDS", seconds);
        }
    }
}
