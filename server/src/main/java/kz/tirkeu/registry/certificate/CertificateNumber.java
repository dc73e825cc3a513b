package kz.tirkeu.registry.certificate;

import kz.tirkeu.pki.InvalidInputException;

/**
 * The СРТС series and number as one identifier, e.g. {@code AA00012345} (in URLs) or {@code AA 00012345}
 * (printed). Parsing is strict: anything else is not a certificate number.
 */
public record CertificateNumber(String series, String number) {

    public CertificateNumber {
        if (series == null || !series.matches("[A-Z]{2}") || number == null || !number.matches("[0-9]{8}")) {
            throw new InvalidInputException("A certificate number is two capital Latin letters and eight digits, e.g. AA00012345.");
        }
    }

    public static CertificateNumber parse(String text) {
        String compact = text == null ? "" : text.replace(" ", "").toUpperCase(java.util.Locale.ROOT);
        if (!compact.matches("[A-Z]{2}[0-9]{8}")) {
            throw new InvalidInputException("A certificate number is two capital Latin letters and eight digits, e.g. AA00012345.");
        }
        return new CertificateNumber(compact.substring(0, 2), compact.substring(2));
    }

    public static CertificateNumber of(String series, long sequenceValue) {
        return new CertificateNumber(series, String.format("%08d", sequenceValue));
    }

    /** As used in URLs: {@code AA00012345}. */
    public String compact() {
        return series + number;
    }

    @Override
    public String toString() {
        return series + " " + number;
    }
}
