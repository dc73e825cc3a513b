package kz.tirkeu.issuance.psc;

import java.net.URI;
import kz.tirkeu.issuance.IssuanceProperties;
import kz.tirkeu.issuance.production.ExternalHttp;
import kz.tirkeu.issuance.production.ExternalReply;
import org.springframework.stereotype.Component;

/** The digital documents service over HTTP: {@code GET /shares/{code}} (contract in sandbox/README.md). */
@Component
class HttpDigitalDocuments implements DigitalDocuments {

    private final ExternalHttp http;
    private final IssuanceProperties properties;

    HttpDigitalDocuments(ExternalHttp http, IssuanceProperties properties) {
        this.http = http;
        this.properties = properties;
    }

    @Override
    public ExternalReply<SharedDocument> shared(String code) {
        if (!code.matches("\\d{6}")) {
            return new ExternalReply.NotFound<>("a share code is six digits");
        }
        return http.get("digital-documents", URI.create(http.base(properties.digitalDocumentsUrl(), "/digital-documents/v1") + "/shares/" + code),
                SharedDocument.class);
    }
}
