package kz.tirkeu.security.fuzz;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import kz.tirkeu.security.fuzz.AnswerChecks.Violation;

/**
 * The tally of a run: requests by status class and by operation, rows added by accepted requests, and
 * each distinct violation once (operation, kind and message), with the first request that showed it.
 */
final class FuzzReport {

    private final long seed;
    private int requests;
    private final Map<String, Integer> byStatusClass = new TreeMap<>();
    private final Map<String, Map<String, Integer>> byOperation = new TreeMap<>();
    private final Map<String, Integer> violationsByKind = new TreeMap<>();
    private final Map<String, String> firstExample = new TreeMap<>();
    private final Map<String, Long> rowsByAccepted = new TreeMap<>();

    FuzzReport(long seed) {
        this.seed = seed;
    }

    void record(FuzzRequest request, int status, List<Violation> violations, Map<String, Long> growth) {
        requests++;
        String statusClass = status < 0 ? "no answer" : (status / 100) + "xx";
        byStatusClass.merge(statusClass, 1, Integer::sum);
        byOperation.computeIfAbsent(request.operation(), o -> new TreeMap<>()).merge(status < 0 ? "none" : String.valueOf(status), 1, Integer::sum);
        if (status >= 200 && status < 300) {
            growth.forEach((table, added) -> rowsByAccepted.merge(table, added, Long::sum));
        }
        for (Violation violation : violations) {
            violationsByKind.merge(violation.kind(), 1, Integer::sum);
            // Digits vary from request to request (lengths, ids); the same fault is reported once.
            String key = request.operation() + " | " + violation.kind() + " | " + violation.detail().replaceAll("\\d+", "#").replaceAll("\"[^\"]{20,}\"", "\"…\"");
            firstExample.putIfAbsent(key.length() > 300 ? key.substring(0, 300) : key, request.describe() + "\n      → " + violation.detail());
        }
    }

    private String learned = "";

    /** Which identifiers from successful answers the reads could reuse, and how many of each. */
    void learned(String identifiers) {
        this.learned = identifiers;
    }

    boolean clean() {
        return firstExample.isEmpty();
    }

    int distinctViolations() {
        return firstExample.size();
    }

    String text() {
        StringBuilder out = new StringBuilder();
        out.append("Tirkeu API fuzz run: seed ").append(seed).append(", ").append(requests).append(" requests\n");
        out.append("By status class: ").append(byStatusClass).append('\n');
        out.append("Violations by kind (requests): ").append(violationsByKind.isEmpty() ? "none" : violationsByKind).append('\n');
        out.append("Rows added by accepted (2xx) requests: ").append(rowsByAccepted.isEmpty() ? "none" : rowsByAccepted).append('\n');
        out.append("Identifiers learned from 2xx answers (reused by reads): ").append(learned).append('\n');
        out.append("\nBy operation (status → requests):\n");
        byOperation.forEach((operation, statuses) -> out.append("  ").append(operation).append(" ").append(statuses).append('\n'));
        out.append("\nDistinct violations (").append(firstExample.size()).append("), each with the first request that showed it:\n");
        firstExample.forEach((key, example) -> out.append("  * ").append(key).append("\n      ").append(example).append('\n'));
        return out.toString();
    }

    void write(Path file) {
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            // getBytes, unlike writeString, replaces what UTF-8 cannot hold: a hostile value may carry a lone surrogate.
            Files.write(file, text().getBytes(java.nio.charset.StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
