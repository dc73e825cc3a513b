package kz.tirkeu.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.TreeSet;
import kz.tirkeu.identity.web.AccessPolicy;
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

    /**
     * Found by the API fuzzer (issue [7]): public endpoints were documented as needing a bearer token, the
     * signed-in person as a required query parameter, values that come back null as never null, and no operation
     * declared its problem answers.
     */
    @Test
    void theDocumentSaysWhoMayCallAndHowErrorsLook() {
        JsonNode document = new TirkeuClient(port).get("/v3/api-docs", null).body();
        assertThat(document.path("security").toString()).isEqualTo("[{\"bearer\":[]}]");
        assertThat(document.path("components").path("schemas").has("SignedInPerson")).as("the person is no parameter").isFalse();
        JsonNode schemas = document.path("components").path("schemas");
        // Optional values come back as null, and the document says so (3.1: a "null" type).
        assertThat(schemas.path("Me").path("properties").path("bin").path("type").toString()).isEqualTo("[\"string\",\"null\"]");
        assertThat(schemas.path("Notice").path("properties").path("readAt").path("type").toString()).isEqualTo("[\"string\",\"null\"]");
        // A notice about no application (a sign-in code, a TOTP change) has no subject: found by the fuzzer in a full run.
        assertThat(schemas.path("Notice").path("properties").path("subjectReference").path("type").toString()).isEqualTo("[\"string\",\"null\"]");
        assertThat(schemas.path("Preferences").path("properties").path("email").path("type").toString()).isEqualTo("[\"string\",\"null\"]");
        assertThat(schemas.path("ApplicationView").path("properties").path("refusal").path("type").toString()).isEqualTo("[\"object\",\"null\"]");
        assertThat(schemas.path("DecisionView").path("properties").path("legalBasis").path("oneOf").toString())
                .isEqualTo("[{\"$ref\":\"#/components/schemas/LegalAct\"},{\"type\":\"null\"}]");
        // What is created answers 201, and the document says so.
        assertThat(document.path("paths").path("/api/v1/applications").path("post").path("responses").has("201")).isTrue();
        assertThat(schemas.path("Me").path("properties").path("iin").path("type").asString()).as("what is always there stays required").isEqualTo("string");
        mappings.getHandlerMethods().forEach((info, handler) -> {
            for (String path : info.getPatternValues()) {
                if (!path.startsWith("/api/") || !handler.getBeanType().getPackageName().startsWith("kz.tirkeu")) {
                    continue;
                }
                info.getMethodsCondition().getMethods().forEach(method -> {
                    JsonNode operation = document.path("paths").path(path).path(method.name().toLowerCase());
                    String name = method + " " + path;
                    if (AccessPolicy.policyOf(handler) == AccessPolicy.Policy.PUBLIC) {
                        assertThat(operation.path("security").toString()).as(name + " needs no token").isEqualTo("[]");
                    } else {
                        assertThat(operation.has("security")).as(name + " needs the bearer token of the document").isFalse();
                    }
                    assertThat(operation.path("responses").path("default").path("content").has("application/problem+json")).as(name).isTrue();
                    operation.path("parameters").forEach(parameter -> assertThat(parameter.path("schema").path("$ref").asString()).as(name).doesNotEndWith("/SignedInPerson"));
                });
            }
        });
    }
}
