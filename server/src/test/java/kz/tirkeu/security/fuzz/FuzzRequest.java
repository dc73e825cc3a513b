package kz.tirkeu.security.fuzz;

import java.util.List;
import java.util.Map;

/**
 * One generated request. {@code index} and the run's seed reproduce it; {@code documentedPath} is the
 * path template with every parameter replaced by a placeholder, so the validator finds the operation
 * even when a hostile value (an empty segment, an encoded slash) makes the real path unrecognisable.
 */
record FuzzRequest(int index, String operation, Mode mode, Persona persona, String method, String pathAndQuery, String documentedPath,
        boolean documentedMethod, List<Map.Entry<String, String>> headers, String body) {

    enum Mode { VALID, BOUNDARY, HOSTILE, STRUCTURE, TRANSPORT }

    String describe() {
        String shown = body == null ? "" : " body=" + abbreviate(body);
        return "#" + index + " " + mode + " " + persona + " " + method + " " + abbreviate(pathAndQuery) + " headers=" + abbreviate(headers.toString()) + shown;
    }

    static String abbreviate(String text) {
        String printable = text.replaceAll("\\p{Cntrl}", "·");
        return printable.length() <= 160 ? printable : printable.substring(0, 160) + "…(" + printable.length() + " chars)";
    }
}
