package kz.tirkeu.registry.plates;

import java.util.BitSet;
import java.util.Set;

import static org.assertj.core.api.Assertions.fail;

/**
 * Walks a run of a {@link PlateNumberSequence} and checks each designation against rules written out
 * here, not taken from the code under test: well-formed, not forbidden, never seen before, and strictly
 * after the previous one in the configured order.
 */
final class SequenceAudit {

    private final String alphabet;
    private final Set<Integer> highDemand;
    private final Set<String> banned;
    private final PlateOrder order;
    private final String region;
    private final BitSet seen = new BitSet(1000 * 26 * 26 * 26);
    private long previousKey = -1;
    private long checked;

    SequenceAudit(String alphabet, Set<Integer> highDemand, Set<String> banned, PlateOrder order, String region) {
        this.alphabet = alphabet;
        this.highDemand = highDemand;
        this.banned = banned;
        this.order = order;
        this.region = region;
    }

    /** Whether the pilot may give these digits and letters, by the rules of DOMAIN.md §5.2. */
    boolean allowed(int digits, String letters) {
        return digits != 0 && !highDemand.contains(digits)
                && letters.chars().allMatch(c -> alphabet.indexOf(c) >= 0)
                && !(letters.charAt(0) == letters.charAt(1) && letters.charAt(1) == letters.charAt(2))
                && !banned.contains(letters);
    }

    void check(String plate) {
        if (plate.length() != 10 || plate.charAt(3) != ' ' || plate.charAt(7) != ' '
                || !isDigit(plate.charAt(0)) || !isDigit(plate.charAt(1)) || !isDigit(plate.charAt(2))
                || !isLatinCapital(plate.charAt(4)) || !isLatinCapital(plate.charAt(5)) || !isLatinCapital(plate.charAt(6))
                || !plate.endsWith(" " + region)) {
            fail("Not a plate of region %s in the form '123 ABC %s': '%s'", region, region, plate);
        }
        int digits = Integer.parseInt(plate, 0, 3, 10);
        String letters = plate.substring(4, 7);
        if (!allowed(digits, letters)) {
            fail("Forbidden plate given: '%s'", plate);
        }
        int n = alphabet.length();
        long seriesRank = (long) alphabet.indexOf(letters.charAt(0)) * n * n
                + alphabet.indexOf(letters.charAt(1)) * n + alphabet.indexOf(letters.charAt(2));
        long key = order == PlateOrder.SERIES_MAJOR ? seriesRank * 1000 + digits : digits * (long) n * n * n + seriesRank;
        if (key <= previousKey) {
            fail("'%s' comes out of the %s order", plate, order);
        }
        previousKey = key;
        int raw26 = digits * 26 * 26 * 26 + (letters.charAt(0) - 'A') * 26 * 26 + (letters.charAt(1) - 'A') * 26 + (letters.charAt(2) - 'A');
        if (seen.get(raw26)) {
            fail("'%s' given twice", plate);
        }
        seen.set(raw26);
        checked++;
    }

    /** How many designations the rules allow in a region: what a complete sequence must hold. */
    long allowedCount() {
        long count = 0;
        int n = alphabet.length();
        for (int a = 0; a < n; a++) {
            for (int b = 0; b < n; b++) {
                for (int c = 0; c < n; c++) {
                    String letters = "" + alphabet.charAt(a) + alphabet.charAt(b) + alphabet.charAt(c);
                    for (int digits = 0; digits <= 999; digits++) {
                        if (allowed(digits, letters)) {
                            count++;
                        }
                    }
                }
            }
        }
        return count;
    }

    long checked() {
        return checked;
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    private static boolean isLatinCapital(char c) {
        return c >= 'A' && c <= 'Z';
    }
}
