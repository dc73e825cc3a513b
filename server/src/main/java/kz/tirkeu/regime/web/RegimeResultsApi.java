package kz.tirkeu.regime.web;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import kz.tirkeu.identity.Role;
import kz.tirkeu.identity.web.Allowed;
import kz.tirkeu.identity.web.PublicEndpoint;
import kz.tirkeu.regime.monitoring.Indicators;
import kz.tirkeu.regime.monitoring.Period;
import kz.tirkeu.regime.monitoring.PublishedResults;
import kz.tirkeu.regime.monitoring.RegimeMonitoring;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Monitoring of a regime (Digital Code Art. 54): the published results for anyone (Art. 56, aggregates only) as JSON
 * and CSV, and the full indicators for the authorised body and auditors. The period is {@code from}/{@code to}
 * (YYYY-MM-DD, days of Kazakhstan, both included); without them, the regime's term so far, at most its last year.
 */
@RestController
class RegimeResultsApi {

    private final RegimeMonitoring monitoring;

    RegimeResultsApi(RegimeMonitoring monitoring) {
        this.monitoring = monitoring;
    }

    /** Public by law (Art. 56): no person is in it, and small counts are shown as "fewer than 5". */
    @GetMapping("/api/v1/regimes/{code}/results")
    @PublicEndpoint
    PublishedResults results(@PathVariable String code, @RequestParam(required = false) String from, @RequestParam(required = false) String to) {
        return monitoring.published(code, period(code, from, to));
    }

    /** The same, one row per group (the whole regime, each region, each dealer), for spreadsheets. */
    @GetMapping(value = "/api/v1/regimes/{code}/results.csv", produces = "text/csv")
    @PublicEndpoint
    ResponseEntity<byte[]> resultsCsv(@PathVariable String code, @RequestParam(required = false) String from, @RequestParam(required = false) String to) {
        PublishedResults results = monitoring.published(code, period(code, from, to));
        List<PublishedResults.Group> rows = new ArrayList<>();
        rows.add(new PublishedResults.Group("all", "", results.total()));
        results.byRegion().forEach(g -> rows.add(new PublishedResults.Group("region " + g.key(), g.name(), g.figures())));
        results.byDealer().forEach(g -> rows.add(new PublishedResults.Group("dealer " + g.key(), g.name(), g.figures())));
        Set<String> columns = new LinkedHashSet<>();
        rows.forEach(r -> columns.addAll(r.figures().keySet()));
        StringBuilder csv = new StringBuilder("regime,from,to,group,name");
        columns.forEach(c -> csv.append(',').append(c));
        csv.append("\r\n");
        for (PublishedResults.Group row : rows) {
            csv.append(Csv.cell(code)).append(',').append(results.period().from()).append(',').append(results.period().to()).append(',')
                    .append(Csv.cell(row.key())).append(',').append(Csv.cell(row.name()));
            for (String column : columns) {
                Object value = row.figures().get(column);
                csv.append(',').append(Csv.cell(value == null ? "" : value.toString()));
            }
            csv.append("\r\n");
        }
        return Csv.attachment(code + "-results-" + results.period().from() + "-" + results.period().to() + ".csv", csv.toString());
    }

    /** The full indicators, with every count as it is (no person is in them either) and every refusal code. */
    @GetMapping("/api/v1/regimes/{code}/indicators")
    @Allowed({Role.REGIME_AUTHORITY, Role.AUDITOR})
    Indicators indicators(@PathVariable String code, @RequestParam(required = false) String from, @RequestParam(required = false) String to) {
        return monitoring.indicators(code, period(code, from, to));
    }

    private Period period(String code, String from, String to) {
        return monitoring.period(code, from, to);
    }

    /** RFC 4180 CSV, UTF-8 with a byte-order mark so that spreadsheet programs read the Cyrillic names right. */
    static final class Csv {

        private Csv() {}

        static String cell(String value) {
            if (value == null) {
                return "";
            }
            // A leading = + - @ would make a spreadsheet run a formula: quote it away (CSV injection).
            String safe = value.matches("^[=+\\-@].*") ? "'" + value : value;
            return safe.matches(".*[,\"\\r\\n].*") ? "\"" + safe.replace("\"", "\"\"") + "\"" : safe;
        }

        static ResponseEntity<byte[]> attachment(String fileName, String csv) {
            byte[] body = ("\uFEFF" + csv).getBytes(StandardCharsets.UTF_8);
            return ResponseEntity.ok().contentType(MediaType.parseMediaType("text/csv; charset=UTF-8"))
                    .header("Content-Disposition", "attachment; filename=\"" + fileName + "\"").body(body);
        }
    }

}
