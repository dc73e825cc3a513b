package kz.tirkeu.regime.web;

import kz.tirkeu.platform.CannotServe;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import kz.tirkeu.identity.Role;
import kz.tirkeu.identity.SignedInPerson;
import kz.tirkeu.identity.web.Allowed;
import kz.tirkeu.regime.InvalidRegime;
import kz.tirkeu.regime.monitoring.DealerReportContent;
import kz.tirkeu.regime.monitoring.DealerReports;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * The periodic reports of admitted dealers (issue [6] point 5), as every signature in Tirkeu is made: prepare (the
 * platform returns the canonical JSON to sign), then send it back signed by the dealer's first head through NCALayer.
 * A dealer reads its own reports; the authorised body and auditors read all, with the signed bytes.
 */
@RestController
class RegimeDealerReportsApi {

    private final DealerReports reports;

    RegimeDealerReportsApi(DealerReports reports) {
        this.reports = reports;
    }

    @PostMapping("/api/v1/regimes/{code}/dealer-reports/to-sign")
    @Allowed(Role.SELLER)
    DealerReports.ToSign prepare(SignedInPerson dealer, @PathVariable String code, @RequestBody DealerReports.Draft draft) {
        return reports.prepare(code, draft, dealer);
    }

    record SignedReport(DealerReportContent report, String signature) {}

    @PostMapping("/api/v1/regimes/{code}/dealer-reports")
    @ResponseStatus(HttpStatus.CREATED) // for the OpenAPI document, which otherwise says 200; the ResponseEntity sets the 201
    @Allowed(Role.SELLER)
    ResponseEntity<DealerReports.Stored> submit(SignedInPerson dealer, @PathVariable String code, @RequestBody SignedReport body) {
        if (body == null || body.report() == null || body.signature() == null || body.signature().isBlank()) {
            throw new InvalidRegime("REPORT_MALFORMED", "Send report (as prepared by …/dealer-reports/to-sign) and signature (base64 CMS over its dataToSign).").situation("body");
        }
        byte[] cms;
        try {
            cms = Base64.getDecoder().decode(body.signature().strip());
        } catch (IllegalArgumentException e) {
            throw new InvalidRegime("REPORT_SIGNATURE_INVALID", "The signature is not base64.");
        }
        return ResponseEntity.status(HttpStatus.CREATED).body(reports.submit(code, body.report(), cms, dealer));
    }

    @GetMapping("/api/v1/regimes/{code}/dealer-reports")
    @Allowed({Role.SELLER, Role.REGIME_AUTHORITY, Role.AUDITOR})
    List<DealerReports.Stored> list(SignedInPerson person, @PathVariable String code) {
        boolean all = person.has(Role.REGIME_AUTHORITY) || person.has(Role.AUDITOR);
        return reports.of(code, all ? Optional.empty() : person.bin(), Optional.empty());
    }

    /** The exact bytes the head signed and the CMS, to check outside the platform (they carry the head's IIN). */
    @GetMapping(value = "/api/v1/regimes/{code}/dealer-reports/{reportId}/content", produces = MediaType.APPLICATION_JSON_VALUE)
    @Allowed({Role.REGIME_AUTHORITY, Role.AUDITOR})
    ResponseEntity<byte[]> content(@PathVariable String code, @PathVariable UUID reportId) {
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(signed(code, reportId)[0]);
    }

    @GetMapping("/api/v1/regimes/{code}/dealer-reports/{reportId}/signature")
    @Allowed({Role.REGIME_AUTHORITY, Role.AUDITOR})
    ResponseEntity<byte[]> signature(@PathVariable String code, @PathVariable UUID reportId) {
        return ResponseEntity.ok().contentType(MediaType.parseMediaType("application/pkcs7-signature"))
                .header("Content-Disposition", "attachment; filename=\"dealer-report-" + reportId + ".p7s\"").body(signed(code, reportId)[1]);
    }

    private byte[][] signed(String code, UUID id) {
        return reports.signed(code, id).orElseThrow(() -> new InvalidRegime("REPORT_NOT_FOUND", CannotServe.Reason.NOT_FOUND, "No such report of regime " + code + ".", String.valueOf(code)));
    }
}
