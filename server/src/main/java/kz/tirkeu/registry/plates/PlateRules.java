package kz.tirkeu.registry.plates;

import java.util.Set;

/**
 * Which designations the pilot never gives (DOMAIN.md §5.2, G2): a high-demand digit group (with any
 * letters), three identical letters (premium since 2018), a banned letter combination, a reserved plate,
 * a letter outside the alphabet, or a region it does not serve. Stored plates are in the database
 * ({@link StoredPlates}), so the allocator checks them there.
 */
public final class PlateRules {

    private final Set<String> regions;
    private final String alphabet;
    private final Set<Integer> highDemandDigits;
    private final Set<String> bannedLetters;
    /** Reserved and stored plates of the configuration: both are never given. */
    private final Set<String> heldBack;

    public PlateRules(PlateProperties properties) {
        this.regions = Set.copyOf(properties.regions());
        this.alphabet = properties.alphabet();
        this.highDemandDigits = properties.highDemandDigits().stream().map(Integer::valueOf)
                .collect(java.util.stream.Collectors.toUnmodifiableSet());
        this.bannedLetters = Set.copyOf(properties.bannedLetters());
        this.heldBack = java.util.stream.Stream.concat(properties.reserved().stream(), properties.stored().stream())
                .collect(java.util.stream.Collectors.toUnmodifiableSet());
    }

    /** The region code, checked: a plate for a region the platform does not know would be no plate at all. */
    public String requireKnownRegion(String regionCode) {
        if (regionCode == null || !regions.contains(regionCode)) {
            throw new UnknownRegionException(regionCode, regions);
        }
        return regionCode;
    }

    /** 000 is no number at all; the others of 001–999 unless high-demand. */
    public boolean isGivableDigits(int digits) {
        return digits >= 1 && digits <= 999 && !highDemandDigits.contains(digits);
    }

    public boolean isHighDemandDigits(int digits) {
        return highDemandDigits.contains(digits);
    }

    public boolean isGivableSeries(String letters) {
        return letters.length() == 3
                && letters.chars().allMatch(letter -> alphabet.indexOf(letter) >= 0)
                && !hasThreeIdenticalLetters(letters)
                && !bannedLetters.contains(letters);
    }

    public static boolean hasThreeIdenticalLetters(String letters) {
        return letters.charAt(0) == letters.charAt(1) && letters.charAt(1) == letters.charAt(2);
    }

    public boolean isBanned(String letters) {
        return bannedLetters.contains(letters);
    }

    /** Reserved or stored by configuration (plates stored at run time are in the database instead). */
    public boolean isHeldBack(String designation) {
        return heldBack.contains(designation);
    }

    /** Whether the pilot may give this full designation ({@code 123 ABC 02}), storage aside. */
    public boolean isGivable(String designation) {
        var parts = PlateProperties.DESIGNATION.matcher(designation == null ? "" : designation);
        return parts.matches()
                && regions.contains(parts.group(3))
                && isGivableDigits(Integer.parseInt(parts.group(1)))
                && isGivableSeries(parts.group(2))
                && !isHeldBack(designation);
    }

    String alphabet() {
        return alphabet;
    }
}
