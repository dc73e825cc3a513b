package kz.tirkeu.regime.web;

import kz.tirkeu.platform.CannotServe;
import java.util.List;
import kz.tirkeu.identity.Role;
import kz.tirkeu.identity.web.Allowed;
import kz.tirkeu.identity.web.PublicEndpoint;
import kz.tirkeu.regime.InvalidRegime;
import kz.tirkeu.regime.RegimeParameters;
import kz.tirkeu.regime.RegimeRegistry;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * The public register of experimental legal regimes (Digital Code Art. 56): everything about every regime, for anyone,
 * without signing in. It names legal entities only.
 */
@RestController
class RegimesApi {

    private final RegimeRegistry registry;

    RegimesApi(RegimeRegistry registry) {
        this.registry = registry;
    }

    /** Public by law (Art. 56): every regime, its record, status and decisions. */
    @GetMapping("/api/v1/regimes")
    @PublicEndpoint
    List<RegimeView> all() {
        return registry.all().stream().map(r -> RegimeView.of(r, registry.now())).toList();
    }

    /** The register as a table, one regime per row (Art. 56: machine-readable); the JSON has everything else. */
    @GetMapping(value = "/api/v1/regimes.csv", produces = "text/csv")
    @PublicEndpoint
    ResponseEntity<byte[]> allCsv() {
        StringBuilder csv = new StringBuilder("code,sandbox,status,statusSince,version,name_kk,name_ru,name_en,termStart,termEnd,territory,legalBasis,subjects,decisions\r\n");
        for (RegimeView r : all()) {
            RegimeParameters p = r.parameters();
            String subjects = p.subjects().stream()
                    .map(s -> s.bin() + " " + s.name() + s.exclusion().map(e -> " (excluded " + e.on() + ")").orElse(""))
                    .reduce((a, b) -> a + "; " + b).orElse("");
            String basis = p.legalBasis().stream().map(a -> a.title().ru() + " " + a.citation()).reduce((a, b) -> a + "; " + b).orElse("");
            List<String> cells = List.of(r.code(), String.valueOf(r.sandbox()), r.status().name(), r.statusSince() == null ? "" : r.statusSince(),
                    String.valueOf(r.version()), p.name().kk(), p.name().ru(), p.name().en(), p.term().start().toString(), p.term().end().toString(),
                    String.join(" ", p.territory()), basis, subjects, String.valueOf(r.decisions().size()));
            csv.append(String.join(",", cells.stream().map(RegimeResultsApi.Csv::cell).toList())).append("\r\n");
        }
        return RegimeResultsApi.Csv.attachment("regimes.csv", csv.toString());
    }

    /** Public by law (Art. 56). */
    @GetMapping("/api/v1/regimes/{code}")
    @PublicEndpoint
    RegimeView one(@PathVariable String code) {
        return registry.find(code).map(r -> RegimeView.of(r, registry.now()))
                .orElseThrow(() -> new InvalidRegime("REGIME_NOT_FOUND", CannotServe.Reason.NOT_FOUND, "There is no regime " + code + ".", String.valueOf(code)));
    }

    /**
     * The exact signed bytes of a decision (RFC 8785 JSON), to check its signature outside the platform. Not public: they
     * name the official who signed (IIN and name), and an individual is never published.
     */
    @GetMapping(value = "/api/v1/regimes/{code}/decisions/{seq}/content", produces = MediaType.APPLICATION_JSON_VALUE)
    @Allowed({Role.REGIME_AUTHORITY, Role.AUDITOR})
    ResponseEntity<byte[]> content(@PathVariable String code, @PathVariable int seq) {
        return registry.signedContent(code, seq).map(bytes -> ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(bytes))
                .orElseThrow(() -> new InvalidRegime("DECISION_NOT_FOUND", CannotServe.Reason.NOT_FOUND, "Regime " + code + " has no decision " + seq + ".", String.valueOf(code), String.valueOf(seq)));
    }

    /** The decision's CAdES signature (.p7s, attached or detached as NCALayer made it); not public, as the content. */
    @GetMapping("/api/v1/regimes/{code}/decisions/{seq}/signature")
    @Allowed({Role.REGIME_AUTHORITY, Role.AUDITOR})
    ResponseEntity<byte[]> signature(@PathVariable String code, @PathVariable int seq) {
        return registry.signature(code, seq)
                .map(cms -> ResponseEntity.ok().contentType(MediaType.parseMediaType("application/pkcs7-signature"))
                        .header("Content-Disposition", "attachment; filename=\"" + code + "-decision-" + seq + ".p7s\"").body(cms))
                .orElseThrow(() -> new InvalidRegime("SIGNATURE_NOT_FOUND", CannotServe.Reason.NOT_FOUND,
                        "Decision " + seq + " of " + code + " carries no signature made in the platform (it was transcribed from its official publication).", String.valueOf(seq), String.valueOf(code)));
    }
}
