package kz.tirkeu.security.fuzz;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.model.Request;
import com.atlassian.oai.validator.model.SimpleResponse;
import com.atlassian.oai.validator.report.ValidationReport;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * What every answer must be, whatever was asked: no 5xx; an API error is problem+json with a
 * {@code code}; no stack trace or class name leaks; and the answer is what the document promises
 * (the status is declared or covered by {@code default}, the body matches the schema).
 */
final class AnswerChecks {

    /** Traces of the implementation. A hostile value echoed back contains none of these. */
    /**
     * Package names and stack frames. Tirkeu's own names count as a leak only in the form of a class
     * ({@code kz.tirkeu.application.Foo}): a signed document's type is {@code kz.tirkeu.registration-certificate} by design.
     */
    private static final Pattern LEAK = Pattern.compile("java\\.|jakarta\\.|org\\.springframework|org\\.apache|tools\\.jackson|com\\.fasterxml|Exception|\\tat |\\sat kz\\.|kz\\.tirkeu\\.(?:[a-z]+\\.)+[A-Z]");

    private final OpenApiInteractionValidator validator;
    private final JsonMapper json;

    AnswerChecks(String document, JsonMapper json) {
        // Only answers are validated: the fuzzer's requests are meant to break the document's rules.
        this.validator = OpenApiInteractionValidator.createForInlineApiSpecification(forParser(document, json)).build();
        this.json = json;
    }

    /**
     * The validator checks schemas in the OpenAPI 3.0 dialect only: given the served 3.1 document it loses every
     * {@code type} (3.1 writes types as lists) and checks almost nothing. So it gets the same document said in
     * 3.0: {@code type: [string, "null"]} becomes {@code type: string, nullable: true}; {@code oneOf: [$ref, {type: "null"}]}
     * stays, as the JSON Schema draft the validator uses knows the null type. The licence goes too:
     * swagger-parser refuses one without an {@code identifier}, which OAS leaves optional, and it says nothing
     * about answers.
     */
    static String forParser(String document, JsonMapper json) {
        ObjectNode tree = (ObjectNode) json.readTree(document);
        tree.put("openapi", "3.0.3");
        ((ObjectNode) tree.path("info")).remove("license");
        toOpenApi30(tree);
        return json.writeValueAsString(tree);
    }

    private static void toOpenApi30(JsonNode node) {
        if (node instanceof ObjectNode object) {
            JsonNode type = object.get("type");
            if (type != null && type.isArray()) {
                List<String> types = new ArrayList<>();
                type.forEach(t -> types.add(t.asString()));
                if (types.remove("null")) {
                    object.put("nullable", true);
                }
                if (types.size() == 1) {
                    object.put("type", types.get(0));
                } else {
                    object.remove("type"); // several types: 3.0 cannot say it, so it checks none
                }
            }
            object.values().forEach(AnswerChecks::toOpenApi30);
        } else if (node instanceof ArrayNode array) {
            array.forEach(AnswerChecks::toOpenApi30);
        }
    }

    record Violation(String kind, String detail) {}

    List<Violation> check(FuzzRequest request, HttpResponse<String> answer) {
        List<Violation> violations = new ArrayList<>();
        int status = answer.statusCode();
        String contentType = answer.headers().firstValue("Content-Type").orElse("");
        String body = answer.body() == null ? "" : answer.body();
        if (status >= 500) {
            violations.add(new Violation("5xx", status + " " + FuzzRequest.abbreviate(body)));
        }
        if (status >= 400 && request.pathAndQuery().startsWith("/api/") && !isProblemWithCode(contentType, body)) {
            violations.add(new Violation("not-a-problem", status + " " + contentType + " " + FuzzRequest.abbreviate(body)));
        }
        var leak = LEAK.matcher(body);
        if (leak.find()) {
            int from = Math.max(0, leak.start() - 60);
            violations.add(new Violation("leak", status + " …" + FuzzRequest.abbreviate(body.substring(from, Math.min(body.length(), leak.end() + 60)))));
        }
        if (request.documentedMethod()) {
            ValidationReport report = validator.validateResponse(request.documentedPath(), Request.Method.valueOf(request.method()),
                    SimpleResponse.Builder.status(status).withContentType(contentType.isEmpty() ? null : contentType).withBody(body).build());
            for (ValidationReport.Message message : report.getMessages()) {
                if (message.getLevel() == ValidationReport.Level.ERROR) {
                    violations.add(new Violation("schema", status + " " + message.getKey() + ": " + FuzzRequest.abbreviate(message.getMessage())));
                }
            }
        }
        return violations;
    }

    private boolean isProblemWithCode(String contentType, String body) {
        if (!contentType.startsWith("application/problem+json")) {
            return false;
        }
        try {
            JsonNode problem = json.readTree(body);
            return !problem.path("code").asString("").isBlank();
        } catch (RuntimeException e) {
            return false;
        }
    }
}
