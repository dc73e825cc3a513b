package kz.tirkeu.issuance.production;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import kz.tirkeu.issuance.IssuanceProperties;
import org.springframework.stereotype.Component;

/** The print centre over HTTP: {@code POST /jobs}, {@code GET /jobs/{id}} (contract in sandbox/README.md). */
@Component
class HttpPrintCentre implements PrintCentre {

    private final ExternalHttp http;
    private final IssuanceProperties properties;

    HttpPrintCentre(ExternalHttp http, IssuanceProperties properties) {
        this.http = http;
        this.properties = properties;
    }

    @Override
    public ExternalReply<PrintJob> submit(String certificateNumber, String pscCode, Map<String, String> data) {
        return http.post("print-centre", at("/jobs"), Map.of("certificateNumber", certificateNumber, "pscCode", pscCode, "data", data), PrintJob.class);
    }

    @Override
    public ExternalReply<PrintJob> status(String jobId) {
        return http.get("print-centre", at("/jobs/" + URLEncoder.encode(jobId, StandardCharsets.UTF_8)), PrintJob.class);
    }

    private URI at(String path) {
        return URI.create(http.base(properties.printCentreUrl(), "/print-centre/v1") + path);
    }
}
