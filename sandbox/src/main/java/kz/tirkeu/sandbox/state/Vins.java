package kz.tirkeu.sandbox.state;

import java.util.regex.Pattern;

/** VINs (ISO 3779): 17 characters, digits and Latin capitals but I, O and Q; position 9 a check digit (ISO 3779 / 49 CFR 565). */
public final class Vins {

    private static final Pattern FORMAT = Pattern.compile("[A-HJ-NPR-Z0-9]{17}");
    private static final int[] WEIGHTS = {8, 7, 6, 5, 4, 3, 2, 10, 0, 9, 8, 7, 6, 5, 4, 3, 2};

    private Vins() {}

    public static boolean isWellFormed(String vin) {
        return vin != null && FORMAT.matcher(vin).matches();
    }

    /** The check digit position 9 should hold: '0'–'9' or 'X'. */
    public static char checkDigit(String vin) {
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += value(vin.charAt(i)) * WEIGHTS[i];
        }
        int r = sum % 11;
        return r == 10 ? 'X' : (char) ('0' + r);
    }

    public static boolean hasValidCheckDigit(String vin) {
        return isWellFormed(vin) && vin.charAt(8) == checkDigit(vin);
    }

    /** A VIN from its parts, with the check digit computed: WMI (3), VDS (5), year (1), plant (1), serial (6). */
    static String of(String wmi, String vds, char year, char plant, int serial) {
        String draft = wmi + vds + "0" + year + plant + String.format("%06d", serial);
        if (!isWellFormed(draft)) {
            throw new IllegalArgumentException("not a VIN: " + draft);
        }
        return draft.substring(0, 8) + checkDigit(draft) + draft.substring(9);
    }

    private static int value(char c) {
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
            default -> throw new IllegalArgumentException("not a VIN character: " + c);
        };
    }
}
