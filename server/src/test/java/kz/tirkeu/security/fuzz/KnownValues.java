package kz.tirkeu.security.fuzz;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Identifiers the server itself gave in successful answers (application numbers, regime codes, VINs, ids), so
 * that reads also reach real objects and their answers are checked against the schema too. Only reads use
 * them: a write with a real identifier could act on another test's application.
 */
final class KnownValues {

    private static final Pattern FIELD = Pattern.compile("\"(number|applicationNumber|code|vin|id|reportId|seq|pscCode|bin)\"\\s*:\\s*\"?([A-Za-z0-9_.:-]{1,64})\"?[,}\\]]");
    private static final Map<String, String> PARAMETER_TO_FIELD = Map.of("applicationNumber", "number", "noticeId", "id", "reportId", "id", "grantId", "id");

    private final Map<String, List<String>> seen = new HashMap<>();

    /** Remembers each field under its name and under the API area it came from ("regimes/code"): a code is not a code everywhere. */
    void learnFrom(String path, String body) {
        Matcher field = FIELD.matcher(body);
        while (field.find()) {
            remember(field.group(1), field.group(2));
            remember(area(path) + "/" + field.group(1), field.group(2));
        }
    }

    /** A value the server gave for this parameter's field in the same area, or anywhere, if any. */
    String forParameter(String path, String parameter, Random random) {
        String field = PARAMETER_TO_FIELD.getOrDefault(parameter, parameter);
        List<String> values = seen.getOrDefault(area(path) + "/" + field, seen.getOrDefault(field, List.of()));
        return values.isEmpty() ? null : values.get(random.nextInt(values.size()));
    }

    private void remember(String key, String value) {
        List<String> values = seen.computeIfAbsent(key, k -> new ArrayList<>());
        if (values.size() < 50 && !values.contains(value)) {
            values.add(value);
        }
    }

    /** "regimes" for /api/v1/regimes/R1/results and for /api/v1/regimes.csv. */
    private static String area(String path) {
        String[] segments = path.split("[/?.]");
        return segments.length > 3 ? segments[3] : "";
    }

    @Override
    public String toString() {
        Map<String, Integer> counts = new TreeMap<>();
        seen.forEach((key, values) -> counts.put(key, values.size()));
        return counts.toString();
    }
}
