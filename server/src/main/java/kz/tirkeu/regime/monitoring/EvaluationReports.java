package kz.tirkeu.regime.monitoring;

import kz.tirkeu.platform.CannotServe;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import kz.tirkeu.pki.json.CanonicalJson;
import kz.tirkeu.regime.InvalidRegime;
import kz.tirkeu.regime.Regime;
import kz.tirkeu.regime.RegimeDates;
import kz.tirkeu.regime.RegimeParameters;
import kz.tirkeu.regime.RegimeRegistry;
import kz.tirkeu.registry.certificate.CertificateSigning;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import tools.jackson.databind.json.JsonMapper;

/**
 * Issues and keeps the evaluation reports of regimes (issue [6] point 5). A report is computed once, sealed with the
 * platform's key and stored: asked again later, it is the same document, even after the action log has grown. A new
 * report for the same period is a new number.
 */
@Service
public class EvaluationReports {

    private final RegimeRegistry registry;
    private final RegimeMonitoring monitoring;
    private final DealerReports dealerReports;
    private final CertificateSigning seal;
    private final JdbcClient db;
    private final JsonMapper json;
    private final Clock clock;

    EvaluationReports(RegimeRegistry registry, RegimeMonitoring monitoring, DealerReports dealerReports, CertificateSigning seal, JdbcClient db,
                      JsonMapper json, Clock clock) {
        this.registry = registry;
        this.monitoring = monitoring;
        this.dealerReports = dealerReports;
        this.seal = seal;
        this.db = db;
        this.json = json;
        this.clock = clock;
    }

    /** A report as listed: its number, period and when it was issued. */
    public record Issued(String number, String regime, LocalDate from, LocalDate to, Instant issuedAt) {}

    public Issued issue(String code, Period period) {
        Regime regime = registry.find(code).orElseThrow(() -> new InvalidRegime("REGIME_NOT_FOUND", CannotServe.Reason.NOT_FOUND, "There is no regime " + code + ".", String.valueOf(code)));
        Instant now = clock.instant();
        if (period.from().isAfter(RegimeDates.dayOf(now))) {
            throw new InvalidRegime("PERIOD_NOT_BEGUN", "An evaluation is of a period that has begun; " + period.text() + " has not.", String.valueOf(period.text())).situation("evaluation");
        }
        Instant periodEnd = period.end().isBefore(now) ? period.end().minusMillis(1) : now;
        RegimeParameters parameters = regime.parametersAt(periodEnd);
        String number = "EV-" + RegimeDates.dayOf(now).getYear() + "-"
                + String.format("%06d", db.sql("select nextval('regime_evaluation_seq')").query(Long.class).single());

        List<DealerReports.Stored> reports = dealerReports.of(code, Optional.empty(), Optional.of(period));
        Map<String, DealerReports.Stored> latest = new LinkedHashMap<>();
        reports.forEach(r -> latest.putIfAbsent(r.dealerBin() + r.from() + r.to(), r)); // newest first: the first is the latest
        Set<String> reported = new TreeSet<>();
        latest.values().forEach(r -> reported.add(r.dealerBin()));
        List<String> without = parameters.subjects().stream()
                .filter(s -> !s.admittedOn().isAfter(period.to()) && s.exclusion().map(e -> e.on().isAfter(period.from())).orElse(true))
                .map(s -> s.bin()).filter(bin -> !reported.contains(bin)).sorted().toList();

        EvaluationContent content = new EvaluationContent(EvaluationContent.TYPE, number, code, regime.versionAt(periodEnd), parameters.name(),
                parameters.legalBasis().stream().map(a -> a.title().ru() + " " + a.citation()).toList(), parameters.term(), parameters.territory(),
                regime.statusAt(periodEnd), period, now, "Tirkeu platform, BIN " + ((kz.tirkeu.pki.validation.ExpectedSigner.Organisation) seal.platform()).bin().value(),
                monitoring.indicators(code, period),
                regime.decisions().stream().filter(d -> !d.effectiveAt().isBefore(period.start()) && d.effectiveAt().isBefore(period.end()))
                        .map(d -> new EvaluationContent.DecisionInPeriod(RegimeDates.dayOf(d.effectiveAt()), d.kind().name(),
                                d.content().legalBasis() == null ? null : d.content().legalBasis().title().ru() + " " + d.content().legalBasis().citation(),
                                d.content().reason()))
                        .toList(),
                latest.values().stream().map(r -> new EvaluationContent.DealerReportReceived(r.dealerBin(), r.dealerName(), r.from(), r.to(),
                        r.submittedAt(), r.id().toString())).toList(),
                without, EvaluationContent.METHOD);
        String text = json.writeValueAsString(content);
        byte[] sealed = seal.seal(text); // network (TSA, OCSP): before the insert, outside any transaction
        db.sql("""
                        insert into regime_evaluation (number, regime_code, period_from, period_to, content, sealed, issued_at)
                        values (?, ?, ?, ?, ?, ?, ?)""")
                .params(number, code, period.from(), period.to(), CanonicalJson.canonicalize(text), sealed, now.atOffset(ZoneOffset.UTC))
                .update();
        return new Issued(number, code, period.from(), period.to(), now);
    }

    public List<Issued> of(String code) {
        return db.sql("select number, regime_code, period_from, period_to, issued_at from regime_evaluation where regime_code = ? order by issued_at desc")
                .param(code)
                .query((rs, row) -> new Issued(rs.getString("number"), rs.getString("regime_code"), rs.getObject("period_from", LocalDate.class),
                        rs.getObject("period_to", LocalDate.class), rs.getObject("issued_at", OffsetDateTime.class).toInstant()))
                .list();
    }

    /** The canonical JSON of a report, exactly as sealed. */
    public Optional<byte[]> content(String code, String number) {
        return db.sql("select content from regime_evaluation where regime_code = ? and number = ?").params(code, number).query(byte[].class).optional();
    }

    /** The sealed document (.p7m: CAdES with the JSON inside, time-stamped, with its revocation evidence). */
    public Optional<byte[]> sealed(String code, String number) {
        return db.sql("select sealed from regime_evaluation where regime_code = ? and number = ?").params(code, number).query(byte[].class).optional();
    }

    public Optional<EvaluationContent> read(String code, String number) {
        return content(code, number).map(bytes -> json.readValue(bytes, EvaluationContent.class));
    }
}
