package kz.tirkeu.registry.plates;

/**
 * Every givable number of a region has been given. Not retried: it takes a change of configuration
 * (e.g. a larger alphabet) or of the law to go on.
 */
public class PlateNumbersExhaustedException extends IllegalStateException {

    public PlateNumbersExhaustedException(String regionCode, long size) {
        super("All %d plate numbers that may be given in region %s have been given".formatted(size, regionCode));
    }
}
