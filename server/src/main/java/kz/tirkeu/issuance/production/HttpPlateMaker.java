package kz.tirkeu.issuance.production;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import kz.tirkeu.issuance.IssuanceProperties;
import org.springframework.stereotype.Component;

/** The plate maker over HTTP: {@code POST /orders}, {@code GET /orders/{id}} (contract in sandbox/README.md). */
@Component
class HttpPlateMaker implements PlateMaker {

    private final ExternalHttp http;
    private final IssuanceProperties properties;

    HttpPlateMaker(ExternalHttp http, IssuanceProperties properties) {
        this.http = http;
        this.properties = properties;
    }

    @Override
    public ExternalReply<PlateOrder> order(String plateNumber, String plateType, String pscCode) {
        return http.post("plate-maker", at("/orders"), Map.of("plateNumber", plateNumber, "plateType", plateType, "pscCode", pscCode), PlateOrder.class);
    }

    @Override
    public ExternalReply<PlateOrder> status(String orderId) {
        return http.get("plate-maker", at("/orders/" + URLEncoder.encode(orderId, StandardCharsets.UTF_8)), PlateOrder.class);
    }

    private URI at(String path) {
        return URI.create(http.base(properties.plateMakerUrl(), "/plate-maker/v1") + path);
    }
}
