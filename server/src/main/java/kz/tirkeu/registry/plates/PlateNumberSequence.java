package kz.tirkeu.registry.plates;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Every number a region may be given, in the configured order, as a pure function of a position: the
 * allocator only has to advance one counter per region, and forbidden designations (high-demand digits,
 * three identical letters, banned combinations) are not in the sequence at all, so none is ever skipped
 * at run time. Reserved and stored plates are full designations and are skipped by the allocator.
 *
 * <p>The same configuration always gives the same sequence. Changing the alphabet or the lists changes
 * which designation a position stands for: positions already used are never reused (the database still
 * refuses a second use of a number, and the allocator moves on), but some numbers may be passed over.
 */
public final class PlateNumberSequence {

    private final PlateOrder order;
    private final String alphabet;
    /** The givable digit groups, ascending. */
    private final int[] digits;
    /** The givable letter series, in the alphabet's order. */
    private final String[] series;
    /** Position in {@link #series} of each raw letter triple (base-alphabet number), or -1. */
    private final int[] seriesRank;

    public PlateNumberSequence(PlateRules rules, PlateOrder order) {
        this.order = order;
        this.alphabet = rules.alphabet();
        this.digits = java.util.stream.IntStream.rangeClosed(1, 999).filter(rules::isGivableDigits).toArray();
        int n = alphabet.length();
        this.seriesRank = new int[n * n * n];
        Arrays.fill(seriesRank, -1);
        List<String> givable = new ArrayList<>();
        for (int raw = 0; raw < n * n * n; raw++) {
            String letters = new String(new char[] {
                    alphabet.charAt(raw / (n * n)), alphabet.charAt(raw / n % n), alphabet.charAt(raw % n)});
            if (rules.isGivableSeries(letters)) {
                seriesRank[raw] = givable.size();
                givable.add(letters);
            }
        }
        this.series = givable.toArray(String[]::new);
        if (digits.length == 0 || series.length == 0) {
            throw new IllegalArgumentException("tirkeu.plates: the configured lists forbid every plate number");
        }
    }

    /** How many numbers one region may be given. */
    public long size() {
        return (long) digits.length * series.length;
    }

    /** The designation at this position, e.g. {@code 011 AAB 02}. */
    public String designation(long position, String regionCode) {
        if (position < 0 || position >= size()) {
            throw new IndexOutOfBoundsException("Position " + position + " is outside 0.." + (size() - 1));
        }
        int digitGroup;
        String letters;
        if (order == PlateOrder.SERIES_MAJOR) {
            letters = series[(int) (position / digits.length)];
            digitGroup = digits[(int) (position % digits.length)];
        } else {
            digitGroup = digits[(int) (position / series.length)];
            letters = series[(int) (position % series.length)];
        }
        char[] plate = {
                (char) ('0' + digitGroup / 100), (char) ('0' + digitGroup / 10 % 10), (char) ('0' + digitGroup % 10), ' ',
                letters.charAt(0), letters.charAt(1), letters.charAt(2), ' ',
                regionCode.charAt(0), regionCode.charAt(1)};
        return new String(plate);
    }

    /** The position of a designation in its region's sequence, or -1 when it is not in the sequence. */
    public long positionOf(String designation) {
        var parts = PlateProperties.DESIGNATION.matcher(designation);
        if (!parts.matches()) {
            return -1;
        }
        int digitRank = Arrays.binarySearch(digits, Integer.parseInt(parts.group(1)));
        int letterRank = rankOf(parts.group(2));
        if (digitRank < 0 || letterRank < 0) {
            return -1;
        }
        return order == PlateOrder.SERIES_MAJOR
                ? (long) letterRank * digits.length + digitRank
                : (long) digitRank * series.length + letterRank;
    }

    private int rankOf(String letters) {
        int n = alphabet.length();
        int raw = 0;
        for (int i = 0; i < 3; i++) {
            int letter = alphabet.indexOf(letters.charAt(i));
            if (letter < 0) {
                return -1;
            }
            raw = raw * n + letter;
        }
        return seriesRank[raw];
    }

    public PlateOrder order() {
        return order;
    }
}
