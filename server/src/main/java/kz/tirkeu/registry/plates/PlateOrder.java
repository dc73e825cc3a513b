package kz.tirkeu.registry.plates;

/** In which order a region's plate numbers are given; either way the same number is never given twice. */
public enum PlateOrder {
    /** Series by series: {@code 011 AAB}, {@code 012 AAB}, … {@code 998 AAB}, then {@code 011 AAC}, … */
    SERIES_MAJOR,
    /** Digits by digits: {@code 011 AAB}, {@code 011 AAC}, … {@code 011 ZZY}, then {@code 012 AAB}, … */
    DIGITS_MAJOR
}
