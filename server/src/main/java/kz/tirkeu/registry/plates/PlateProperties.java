package kz.tirkeu.registry.plates;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * What plate numbers may be given ({@code tirkeu.plates.*}, explained in application.yml). Checked when
 * the server starts: a typo in a list must stop the server, not let it hand out a forbidden number.
 *
 * @param regions          the two-digit region codes plates are given for (DOMAIN.md §5.2)
 * @param alphabet         the Latin letters a series is made of, in the order series are given
 * @param highDemandDigits digit groups never given by the pilot (MVD order 342: with any letters)
 * @param bannedLetters    letter combinations never given (obscene or undesirable)
 * @param reserved         full designations never given, e.g. {@code 123 ABC 02} (kept for state bodies)
 * @param stored           full designations in storage (хранение): kept for a former owner after
 *                         deregistration, never given to anyone else; plates put into storage while the
 *                         server runs are kept in the database as well ({@link StoredPlates})
 * @param order            in which order a region's numbers are given
 */
@ConfigurationProperties("tirkeu.plates")
public record PlateProperties(
        List<String> regions,
        String alphabet,
        List<String> highDemandDigits,
        @DefaultValue List<String> bannedLetters,
        @DefaultValue List<String> reserved,
        @DefaultValue List<String> stored,
        @DefaultValue("SERIES_MAJOR") PlateOrder order) {

    private static final Pattern REGION = Pattern.compile("\\d{2}");
    private static final Pattern DIGITS = Pattern.compile("\\d{3}");
    private static final Pattern LETTERS = Pattern.compile("[A-Z]{3}");
    static final Pattern DESIGNATION = Pattern.compile("(\\d{3}) ([A-Z]{3}) (\\d{2})");

    public PlateProperties {
        regions = List.copyOf(required(regions, "regions"));
        highDemandDigits = List.copyOf(required(highDemandDigits, "high-demand-digits"));
        bannedLetters = List.copyOf(bannedLetters);
        reserved = List.copyOf(reserved);
        stored = List.copyOf(stored);
        if (order == null) {
            throw invalid("order must be SERIES_MAJOR or DIGITS_MAJOR");
        }
        if (regions.isEmpty()) {
            throw invalid("regions must name at least one region");
        }
        every(regions, REGION, "regions", "a two-digit code such as 02");
        if (new HashSet<>(regions).size() != regions.size()) {
            throw invalid("regions lists a region twice");
        }
        requireAlphabet(alphabet);
        every(highDemandDigits, DIGITS, "high-demand-digits", "three digits such as 010");
        every(bannedLetters, LETTERS, "banned-letters", "three Latin capital letters such as XYZ");
        designations(reserved, "reserved", regions);
        designations(stored, "stored", regions);
    }

    private static void designations(List<String> plates, String key, List<String> regions) {
        every(plates, DESIGNATION, key, "a full designation such as 123 ABC 02");
        for (String plate : plates) {
            String region = plate.substring(plate.length() - 2);
            if (!regions.contains(region)) {
                throw invalid("%s plate '%s' is for region %s, which is not among regions".formatted(key, plate, region));
            }
        }
    }

    private static void requireAlphabet(String alphabet) {
        if (alphabet == null || alphabet.length() < 2) {
            throw invalid("alphabet must have at least two letters");
        }
        Set<Character> seen = new HashSet<>();
        for (char letter : alphabet.toCharArray()) {
            if (letter < 'A' || letter > 'Z') {
                throw invalid("alphabet may hold only Latin capital letters A-Z, not '" + letter + "'");
            }
            if (!seen.add(letter)) {
                throw invalid("alphabet lists '" + letter + "' twice");
            }
        }
    }

    private static void every(List<String> values, Pattern format, String key, String expected) {
        for (String value : values) {
            if (value == null || !format.matcher(value).matches()) {
                throw invalid("%s: '%s' is not %s".formatted(key, value, expected));
            }
        }
    }

    private static <T> T required(T value, String key) {
        if (value == null) {
            throw invalid(key + " must be set");
        }
        return value;
    }

    private static IllegalArgumentException invalid(String message) {
        return new IllegalArgumentException("tirkeu.plates." + message);
    }
}
