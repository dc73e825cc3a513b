package kz.tirkeu.statesystems;

import kz.tirkeu.pki.InvalidInputException;
import java.util.regex.Pattern;

/** A Kazakh mobile number in E.164 form, +7 and ten digits (e.g. +77011234567). */
public record PhoneNumber(String e164) {

    private static final Pattern KAZAKH_MOBILE = Pattern.compile("\\+77\\d{9}");

    public PhoneNumber {
        if (e164 == null || !KAZAKH_MOBILE.matcher(e164).matches()) {
            throw new InvalidInputException("A Kazakh mobile number looks like +77011234567: '" + e164 + "'");
        }
    }

    /** Accepts what people type: spaces, dashes, brackets, a leading 8 instead of +7. */
    public static PhoneNumber parse(String typed) {
        String digits = typed == null ? "" : typed.replaceAll("[\\s()\\-]", "");
        if (digits.startsWith("8") && digits.length() == 11) {
            digits = "+7" + digits.substring(1);
        } else if (digits.startsWith("7") && digits.length() == 11) {
            digits = "+" + digits;
        }
        return new PhoneNumber(digits);
    }

    /** For showing where a code went without disclosing the number: +7 701 *** ** 67. */
    public String masked() {
        return "+7 " + e164.substring(2, 5) + " *** ** " + e164.substring(10);
    }

    @Override
    public String toString() {
        return masked();
    }
}
