package kz.tirkeu.pki.identity;

import java.time.LocalDate;
import java.time.DateTimeException;

/**
 * Individual identification number (ИИН / ЖСН): YYMMDD birth date, a century-and-sex digit,
 * a four-digit serial and a check digit (Digital Code Art. 30: the public identifier of a person).
 */
public record Iin(String value) {

    public Iin {
        if (!CheckDigit.isTwelveDigits(value)) {
            throw new InvalidIdentifierException("An IIN has exactly 12 digits: '" + value + "'");
        }
        if (!CheckDigit.isValid(value)) {
            throw new InvalidIdentifierException("The IIN's check digit does not match: " + value);
        }
    }

    public static Iin of(String value) {
        return new Iin(value);
    }

    public static boolean isValid(String value) {
        return CheckDigit.isValid(value);
    }

    /**
     * Builds a valid IIN from a birth date, sex and serial, choosing the check digit; serials whose
     * check digit would be 10 twice are skipped forward, as the issuing authority does.
     */
    public static Iin generate(LocalDate birthDate, boolean male, int serial) {
        int century = birthDate.getYear() / 100;
        int centuryDigit = switch (century) {
            case 18 -> male ? 1 : 2;
            case 19 -> male ? 3 : 4;
            case 20 -> male ? 5 : 6;
            default -> throw new IllegalArgumentException("IINs cover births in 1800-2099, not " + birthDate);
        };
        String datePart = String.format("%02d%02d%02d", birthDate.getYear() % 100, birthDate.getMonthValue(), birthDate.getDayOfMonth());
        for (int s = serial; s < serial + 10_000; s++) {
            String first11 = datePart + centuryDigit + String.format("%04d", s % 10_000);
            int check = CheckDigit.of(first11);
            if (check >= 0) {
                return new Iin(first11 + check);
            }
        }
        throw new IllegalStateException("no valid IIN near serial " + serial);
    }

    /** The birth date the IIN encodes, when its first seven digits form a real date. */
    public LocalDate birthDate() {
        int centuryDigit = value.charAt(6) - '0';
        int century = switch (centuryDigit) {
            case 1, 2 -> 1800;
            case 3, 4 -> 1900;
            case 5, 6 -> 2000;
            default -> throw new InvalidIdentifierException("The IIN's 7th digit is not a century digit: " + value);
        };
        try {
            return LocalDate.of(century + Integer.parseInt(value.substring(0, 2)),
                    Integer.parseInt(value.substring(2, 4)), Integer.parseInt(value.substring(4, 6)));
        } catch (DateTimeException e) {
            throw new InvalidIdentifierException("The IIN does not start with a birth date: " + value);
        }
    }

    @Override
    public String toString() {
        return value;
    }
}
