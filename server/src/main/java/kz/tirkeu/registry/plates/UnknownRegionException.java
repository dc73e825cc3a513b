package kz.tirkeu.registry.plates;

import java.util.Collection;

/** A plate was asked for a region code that is not among {@code tirkeu.plates.regions}. */
public class UnknownRegionException extends IllegalArgumentException {

    public UnknownRegionException(String regionCode, Collection<String> known) {
        super("No plates are given for region code '%s'; the regions are %s"
                .formatted(regionCode, known.stream().sorted().toList()));
    }
}
