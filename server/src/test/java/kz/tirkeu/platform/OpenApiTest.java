package kz.tirkeu.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.TreeSet;
import kz.tirkeu.testing.TirkeuClient;
import kz.tirkeu.testing.TirkeuServerTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import tools.jackson.databind.JsonNode;

/** The OpenAPI document describes every endpoint of the REST API, and nothing that is not one. */
@TirkeuServerTest
class OpenApiTest {

    @LocalServerPort
    int port;

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mappings;

    @Test
    void everyApiEndpointIsInTheOpenApiDocument() {
        JsonNode document = new TirkeuClient(port).get("/v3/api-docs", null).body();
        assertThat(document.path("openapi").asString()).startsWith("3.1");

        TreeSet<String> documented = new TreeSet<>();
        for (Map.Entry<String, JsonNode> path : document.path("paths").properties()) {
            for (Map.Entry<String, JsonNode> operation : path.getValue().properties()) {
                documented.add(operation.getKey().toUpperCase() + " " + path.getKey());
            }
        }
        TreeSet<String> endpoints = new TreeSet<>();
        mappings.getHandlerMethods().forEach((info, handler) -> {
            if (handler.getBeanType().getPackageName().startsWith("kz.tirkeu")) {
                for (String path : info.getPatternValues()) {
                    if (path.startsWith("/api/")) {
                        info.getMethodsCondition().getMethods().forEach(method -> endpoints.add(method + " " + path));
                    }
                }
            }
        });
        assertThat(endpoints).isNotEmpty();
        assertThat(documented).containsAll(endpoints);
    }
}
