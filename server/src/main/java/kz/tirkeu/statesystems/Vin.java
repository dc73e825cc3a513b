package kz.tirkeu.statesystems;

import kz.tirkeu.pki.InvalidInputException;
import java.util.regex.Pattern;

/**
 * A vehicle identification number (ISO 3779): 17 characters, digits and Latin capitals except I, O
 * and Q. The position-9 check digit is mandatory only in North America, so a mismatch is a warning
 * for the person entering it, never a refusal (DOMAIN.md §5.1).
 */
public record Vin(String value) {

    private static final Pattern SHAPE = Pattern.compile("[A-HJ-NPR-Z0-9]{17}");
    private static final int[] WEIGHTS = {8, 7, 6, 5, 4, 3, 2, 10, 0, 9, 8, 7, 6, 5, 4, 3, 2};

    public Vin {
        if (value == null || !SHAPE.matcher(value).matches()) {
            throw new InvalidInputException("A VIN has 17 characters: digits and Latin capital letters except I, O and Q ('" + value + "').");
        }
    }

    /** Accepts what people type: surrounding spaces, lower case. */
    public static Vin parse(String typed) {
        return new Vin(typed == null ? null : typed.strip().toUpperCase(java.util.Locale.ROOT));
    }

    /** Whether the 9th character is the check digit computed from the others (a warning when not). */
    public boolean checkDigitMatches() {
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += transliterate(value.charAt(i)) * WEIGHTS[i];
        }
        int remainder = sum % 11;
        char expected = remainder == 10 ? 'X' : (char) ('0' + remainder);
        return value.charAt(8) == expected;
    }

    private static int transliterate(char c) {
        if (c >= '0' && c <= '9') {
            return c - '0';
        }
        return switch (c) {
            case 'A', 'J' -> 1;
            case 'B', 'K', 'S' -> 2;
            case 'C', 'L', 'T' -> 3;
            case 'D', 'M', 'U' -> 4;
            case 'E', 'N', 'V' -> 5;
            case 'F', 'W' -> 6;
            case 'G', 'P', 'X' -> 7;
            case 'H', 'Y' -> 8;
            case 'R', 'Z' -> 9;
            default -> throw new IllegalStateException("not a VIN character: " + c);
        };
    }

    @Override
    public String toString() {
        return value;
    }
}
