package kz.tirkeu.sandbox.mobile;

import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import kz.tirkeu.pki.identity.Iin;

/**
 * A Kazakh mobile number in E.164 form: +7, a 7xx operator code and seven digits (+77011234567), the
 * only form МБГ gives and the SMS centre takes.
 */
public record MobileNumber(String e164) {

    private static final Pattern KAZAKH_MOBILE = Pattern.compile("\\+77\\d{9}");
    /** Operator codes in use (Beeline, Kcell, Activ, Tele2, Altel), so that numbers look like real ones. */
    private static final List<String> OPERATOR_CODES = List.of("700", "701", "702", "705", "707", "708", "747", "771", "775", "776", "777", "778");

    public MobileNumber {
        if (e164 == null || !KAZAKH_MOBILE.matcher(e164).matches()) {
            throw new IllegalArgumentException("A Kazakh mobile number is +7 and ten digits starting with 7, e.g. +77011234567: '" + e164 + "'");
        }
    }

    /**
     * Reads a number as people and URLs write it: spaces, dashes and brackets, a leading 8 or 7 for +7,
     * and a '+' that a query string turned into a space ({@code ?to=+7701…} arrives as {@code " 7701…"}).
     */
    public static Optional<MobileNumber> parse(String typed) {
        if (typed == null) {
            return Optional.empty();
        }
        String digits = typed.replaceAll("[\\s()\\-]", "");
        if (digits.length() == 11 && (digits.startsWith("8") || digits.startsWith("7")) && digits.chars().allMatch(Character::isDigit)) {
            digits = "+7" + digits.substring(1);
        }
        return KAZAKH_MOBILE.matcher(digits).matches() ? Optional.of(new MobileNumber(digits)) : Optional.empty();
    }

    /**
     * The number the sandbox gives a person: the same every run, derived from the IIN (an operator code
     * chosen by the IIN, then its last seven digits, which differ between the sandbox's personas).
     */
    public static MobileNumber of(Iin iin) {
        String value = iin.value();
        int digitSum = value.chars().map(c -> c - '0').sum();
        return new MobileNumber("+7" + OPERATOR_CODES.get(digitSum % OPERATOR_CODES.size()) + value.substring(5));
    }

    @Override
    public String toString() {
        return e164;
    }
}
