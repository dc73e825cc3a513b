package kz.tirkeu.security.fuzz;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import tools.jackson.databind.JsonNode;

/**
 * The served OpenAPI document, read as a list of operations with their parameters and body schema.
 * Only what the fuzzer needs: {@code $ref}s are followed on demand, never inlined.
 */
final class ApiDocument {

    private final JsonNode document;

    ApiDocument(JsonNode document) {
        this.document = document;
    }

    record Parameter(String name, String in, boolean required, JsonNode schema) {}

    record Operation(String method, String path, List<Parameter> parameters, JsonNode bodySchema, boolean bodyRequired) {
        String key() {
            return method + " " + path;
        }
    }

    List<Operation> operations() {
        List<Operation> operations = new ArrayList<>();
        for (var path : document.path("paths").properties()) {
            for (var method : path.getValue().properties()) {
                JsonNode operation = method.getValue();
                List<Parameter> parameters = new ArrayList<>();
                for (JsonNode parameter : operation.path("parameters")) {
                    parameters.add(new Parameter(parameter.path("name").asString(), parameter.path("in").asString(),
                            parameter.path("required").asBoolean(false), resolve(parameter.path("schema"))));
                }
                JsonNode content = operation.path("requestBody").path("content");
                JsonNode body = content.isObject() && !content.isEmpty() ? resolve(content.properties().iterator().next().getValue().path("schema")) : null;
                operations.add(new Operation(method.getKey().toUpperCase(Locale.ROOT), path.getKey(), parameters, body,
                        operation.path("requestBody").path("required").asBoolean(false)));
            }
        }
        return operations;
    }

    /** The schema itself, or the component a {@code $ref} points to. */
    JsonNode resolve(JsonNode schema) {
        JsonNode current = schema;
        for (int hops = 0; hops < 10 && current.has("$ref"); hops++) {
            String ref = current.path("$ref").asString();
            current = document.at(ref.substring(1));
        }
        return current;
    }
}
