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

/**
 * What every answer must be, whatever was asked: no 5xx; an API error is problem+json with a
 * {@code code}; no stack trace or class name leaks; and the answer is what the document promises
 * (the status is declared or covered by {@code default}, the body matches the schema).
 */
final class AnswerChecks {

    /** Traces of the implementation. A hostile value echoed back contains none of these. */
    private static final Pattern LEAK = Pattern.compile("java\\.|jakarta\\.|org\\.springframework|org\\.apache|tools\\.jackson|com\\.fasterxml|Exception|\\tat |\\sat kz\\.|kz\\.tirkeu\\.");

    private final OpenApiInteractionValidator validator;
    private final JsonMapper json;

    AnswerChecks(String document, JsonMapper json) {
        // Only answers are validated: the fuzzer's requests are meant to break the document's rules.
        this.validator = OpenApiInteractionValidator.createForInlineApiSpecification(forParser(document, json)).build();
        this.json = json;
    }

    /**
     * swagger-parser refuses a 3.1 licence without an {@code identifier}, which OAS 3.1 leaves optional
     * (name alone is valid); the licence says nothing about answers, so the validator gets the document without it.
     */
    private static String forParser(String document, JsonMapper json) {
        tools.jackson.databind.node.ObjectNode tree = (tools.jackson.databind.node.ObjectNode) json.readTree(document);
        ((tools.jackson.databind.node.ObjectNode) tree.path("info")).remove("license");
        return json.writeValueAsString(tree);
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
