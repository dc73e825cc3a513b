package kz.tirkeu.regime.web;

import kz.tirkeu.platform.CannotServe;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import kz.tirkeu.identity.Role;
import kz.tirkeu.identity.web.Allowed;
import kz.tirkeu.regime.InvalidRegime;
import kz.tirkeu.regime.monitoring.EvaluationContent;
import kz.tirkeu.regime.monitoring.EvaluationPdf;
import kz.tirkeu.regime.monitoring.EvaluationReports;
import kz.tirkeu.regime.monitoring.Indicators.Tally;
import kz.tirkeu.regime.monitoring.Period;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * Evaluation reports for the authorised body (Digital Code Art. 54): issued by the platform for a period and sealed
 * with its key; read as the sealed document (.p7m), its JSON, a CSV of the indicators, or a PDF in Kazakh or Russian.
 * Auditors read them too.
 */
@RestController
class RegimeEvaluationsApi {

    private final EvaluationReports reports;
    private final EvaluationPdf pdf;

    RegimeEvaluationsApi(EvaluationReports reports, EvaluationPdf pdf) {
        this.reports = reports;
        this.pdf = pdf;
    }

    record Asked(String from, String to) {}

    record IssuedView(String number, String regime, String from, String to, String issuedAt, Map<String, String> links) {}

    @PostMapping("/api/v1/regimes/{code}/evaluations")
    @ResponseStatus(HttpStatus.CREATED) // for the OpenAPI document, which otherwise says 200; the ResponseEntity sets the 201
    @Allowed(Role.REGIME_AUTHORITY)
    ResponseEntity<IssuedView> issue(@PathVariable String code, @RequestBody Asked asked) {
        EvaluationReports.Issued issued = reports.issue(code, Period.parse(asked == null ? null : asked.from(), asked == null ? null : asked.to()));
        return ResponseEntity.status(HttpStatus.CREATED).body(view(issued));
    }

    @GetMapping("/api/v1/regimes/{code}/evaluations")
    @Allowed({Role.REGIME_AUTHORITY, Role.AUDITOR})
    List<IssuedView> list(@PathVariable String code) {
        return reports.of(code).stream().map(RegimeEvaluationsApi::view).toList();
    }

    /** The report's canonical JSON, byte for byte what the seal covers. */
    @GetMapping(value = "/api/v1/regimes/{code}/evaluations/{number}", produces = MediaType.APPLICATION_JSON_VALUE)
    @Allowed({Role.REGIME_AUTHORITY, Role.AUDITOR})
    ResponseEntity<byte[]> json(@PathVariable String code, @PathVariable String number) {
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(reports.content(code, number).orElseThrow(() -> notFound(code, number)));
    }

    @GetMapping("/api/v1/regimes/{code}/evaluations/{number}/sealed")
    @Allowed({Role.REGIME_AUTHORITY, Role.AUDITOR})
    ResponseEntity<byte[]> sealed(@PathVariable String code, @PathVariable String number) {
        return ResponseEntity.ok().contentType(MediaType.parseMediaType("application/pkcs7-mime"))
                .header("Content-Disposition", "attachment; filename=\"" + number + ".p7m\"")
                .body(reports.sealed(code, number).orElseThrow(() -> notFound(code, number)));
    }

    @GetMapping("/api/v1/regimes/{code}/evaluations/{number}/pdf")
    @Allowed({Role.REGIME_AUTHORITY, Role.AUDITOR})
    ResponseEntity<byte[]> pdf(@PathVariable String code, @PathVariable String number, @RequestParam(defaultValue = "kk") String lang) {
        EvaluationPdf.Language language = EvaluationPdf.language(lang).orElseThrow(() -> new InvalidRegime("LANGUAGE_UNSUPPORTED",
                "The evaluation report is printed in Kazakh (lang=kk) or Russian (lang=ru)."));
        EvaluationContent report = reports.read(code, number).orElseThrow(() -> notFound(code, number));
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_PDF)
                .header("Content-Disposition", "attachment; filename=\"" + number + "-" + language + ".pdf\"").body(pdf.render(report, language));
    }

    /** The indicators in full, one row per group, with a column per refusal (step.code). */
    @GetMapping(value = "/api/v1/regimes/{code}/evaluations/{number}/csv", produces = "text/csv")
    @Allowed({Role.REGIME_AUTHORITY, Role.AUDITOR})
    ResponseEntity<byte[]> csv(@PathVariable String code, @PathVariable String number) {
        EvaluationContent report = reports.read(code, number).orElseThrow(() -> notFound(code, number));
        List<Tally> rows = new java.util.ArrayList<>();
        List<String> groups = new java.util.ArrayList<>();
        rows.add(report.indicators().total());
        groups.add("all");
        report.indicators().byRegion().forEach(t -> { rows.add(t); groups.add("region"); });
        report.indicators().byDealer().forEach(t -> { rows.add(t); groups.add("dealer"); });
        Set<String> refusals = new LinkedHashSet<>();
        rows.forEach(t -> t.refused().forEach(r -> refusals.add(r.step() + "." + r.code())));
        StringBuilder csv = new StringBuilder("report,regime,from,to,group,key,started,registered,handedOver,refused,declined,expired,"
                + "toRegisteredCount,toRegisteredMedian,toRegisteredP90,toHandoverCount,toHandoverMedian,toHandoverP90,reviewsAsked,reviewsOverturned,"
                + "outageWaits,outageWaitTime,noticesSent,noticesDelivered,noticesRead");
        refusals.forEach(r -> csv.append(",refused.").append(r));
        csv.append("\r\n");
        for (int i = 0; i < rows.size(); i++) {
            Tally t = rows.get(i);
            List<Object> cells = new java.util.ArrayList<>(List.of(report.number(), code, report.period().from(), report.period().to(), groups.get(i), t.key(),
                    t.started(), t.registered(), t.handedOver(), t.refusedTotal(), t.declined(), t.expired(),
                    t.toRegistered().count(), t.toRegistered().median().map(Object::toString).orElse(""), t.toRegistered().p90().map(Object::toString).orElse(""),
                    t.toHandover().count(), t.toHandover().median().map(Object::toString).orElse(""), t.toHandover().p90().map(Object::toString).orElse(""),
                    t.reviewsAsked(), t.reviewsOverturned(), t.outageWaits(), t.outageWaitTime(), t.noticesSent(), t.noticesDelivered(), t.noticesRead()));
            for (String refusal : refusals) {
                cells.add(t.refused().stream().filter(r -> (r.step() + "." + r.code()).equals(refusal)).mapToLong(r -> r.count()).sum());
            }
            csv.append(String.join(",", cells.stream().map(c -> RegimeResultsApi.Csv.cell(String.valueOf(c))).toList())).append("\r\n");
        }
        return RegimeResultsApi.Csv.attachment(number + ".csv", csv.toString());
    }

    private static IssuedView view(EvaluationReports.Issued issued) {
        String base = "/api/v1/regimes/" + issued.regime() + "/evaluations/" + issued.number();
        Map<String, String> links = new java.util.LinkedHashMap<>();
        links.put("json", base);
        links.put("sealed", base + "/sealed");
        links.put("csv", base + "/csv");
        links.put("pdfKk", base + "/pdf?lang=kk");
        links.put("pdfRu", base + "/pdf?lang=ru");
        return new IssuedView(issued.number(), issued.regime(), issued.from().toString(), issued.to().toString(), issued.issuedAt().toString(), links);
    }

    private static InvalidRegime notFound(String code, String number) {
        return new InvalidRegime("EVALUATION_NOT_FOUND", CannotServe.Reason.NOT_FOUND, "Regime " + code + " has no evaluation report " + number + ".", String.valueOf(code), String.valueOf(number));
    }
}
