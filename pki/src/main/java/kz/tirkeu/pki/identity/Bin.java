package kz.tirkeu.pki.identity;

/**
 * Business identification number (БИН / БСН): YYMM of registration, the entity type, the unit
 * type, a five-digit serial and a check digit computed as for the IIN.
 */
public record Bin(String value) {

    public Bin {
        if (!CheckDigit.isTwelveDigits(value)) {
            throw new InvalidIdentifierException("A BIN has exactly 12 digits: '" + value + "'");
        }
        if (!CheckDigit.isValid(value)) {
            throw new InvalidIdentifierException("The BIN's check digit does not match: " + value);
        }
    }

    public static Bin of(String value) {
        return new Bin(value);
    }

    public static boolean isValid(String value) {
        return CheckDigit.isValid(value);
    }

    /**
     * Builds a valid BIN of a resident legal entity's head unit (type 4, unit 0) registered in the
     * given year and month; serials whose check digit would be 10 twice are skipped forward.
     */
    public static Bin generate(int year, int month, int serial) {
        String prefix = String.format("%02d%02d", year % 100, month) + "40";
        for (int s = serial; s < serial + 100_000; s++) {
            String first11 = prefix + String.format("%05d", s % 100_000);
            int check = CheckDigit.of(first11);
            if (check >= 0) {
                return new Bin(first11 + check);
            }
        }
        throw new IllegalStateException("no valid BIN near serial " + serial);
    }

    @Override
    public String toString() {
        return value;
    }
}
