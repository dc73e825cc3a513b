package kz.tirkeu.pki.identity;

/**
 * The check digit shared by the IIN (individual identification number, ЖСН/ИИН) and the BIN
 * (business identification number, БСН/БИН): a weighted sum modulo 11, with a second set of
 * weights when the first gives 10; a number whose second sum also gives 10 is never issued.
 */
final class CheckDigit {
    private static final int[] SECOND_WEIGHTS = {3, 4, 5, 6, 7, 8, 9, 10, 11, 1, 2};

    private CheckDigit() {}

    /** The check digit for the first 11 digits, or -1 when no valid number starts with them. */
    static int of(String first11) {
        int sum = 0;
        for (int i = 0; i < 11; i++) {
            sum += digit(first11, i) * (i + 1);
        }
        int r = sum % 11;
        if (r != 10) {
            return r;
        }
        sum = 0;
        for (int i = 0; i < 11; i++) {
            sum += digit(first11, i) * SECOND_WEIGHTS[i];
        }
        r = sum % 11;
        return r == 10 ? -1 : r;
    }

    static boolean isTwelveDigits(String value) {
        if (value == null || value.length() != 12) {
            return false;
        }
        for (int i = 0; i < 12; i++) {
            if (value.charAt(i) < '0' || value.charAt(i) > '9') {
                return false;
            }
        }
        return true;
    }

    static boolean isValid(String twelveDigits) {
        return isTwelveDigits(twelveDigits) && of(twelveDigits.substring(0, 11)) == digit(twelveDigits, 11);
    }

    private static int digit(String s, int i) {
        return s.charAt(i) - '0';
    }
}
