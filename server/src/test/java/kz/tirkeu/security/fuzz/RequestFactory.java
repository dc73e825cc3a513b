package kz.tirkeu.security.fuzz;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import kz.tirkeu.security.fuzz.ApiDocument.Operation;
import kz.tirkeu.security.fuzz.ApiDocument.Parameter;
import kz.tirkeu.security.fuzz.FuzzRequest.Mode;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Turns an operation of the document into one request: plausible, boundary or hostile values for every
 * parameter and body field, missing and extra fields, or odd headers, content types and bodies.
 */
final class RequestFactory {

    /**
     * Operations that would change what other test classes in this JVM rely on (they share one database):
     * ending the personas' sessions, enrolling or removing their TOTP, changing their notification
     * preferences, granting or withdrawing roles, a dealer's seller rules, and the regime authority's
     * decisions, evaluations and the dealers' reports; and starting an application, which a well-formed VIN and
     * IIN do (the long run did): it starts the state-system checks and notices and stays (HostileInputTest sends
     * garbage to it as seller and buyer). These are sent only anonymously or with a forged token, so the fuzzer
     * still sees their refusals, and their answers are checked like any other.
     */
    static final Set<String> GUARDED = Set.of(
            "POST /api/v1/auth/sign-out", "POST /api/v1/auth/sign-out-everywhere",
            "POST /api/v1/me/totp", "DELETE /api/v1/me/totp", "POST /api/v1/me/totp/confirmation",
            "PUT /api/v1/me/notification-preferences", "DELETE /api/v1/me/notification-preferences/email",
            "POST /api/v1/admin/role-grants", "POST /api/v1/admin/role-grants/{grantId}/withdrawal",
            "PUT /api/v1/organisations/{bin}/seller-rules", "POST /api/v1/organisations/{bin}/seller-rules/sellers",
            "DELETE /api/v1/organisations/{bin}/seller-rules/sellers/{iin}",
            "POST /api/v1/regimes/{code}/decisions", "POST /api/v1/regimes/{code}/evaluations",
            "POST /api/v1/regimes/{code}/dealer-reports", "POST /api/v1/applications");

    private static final List<String> WRONG_CONTENT_TYPES = List.of("text/plain", "application/xml", "application/x-www-form-urlencoded",
            "multipart/form-data; boundary=x", "application/json; charset=ebcdic", "application/problem+json", "*/*", "");
    private static final List<String> ODD_ACCEPTS = List.of("text/html", "application/xml", "image/png", "text/csv", "*/*;q=0", "application/json;q=0, text/html");
    private static final List<String> MALFORMED_BODIES = List.of("", "{", "}", "[]", "null", "\"text\"", "42", "{\"a\":}", "{'single':'quotes'}",
            "{\"a\":1,\"a\":2}", "\u0000", "[".repeat(5_000) + "]".repeat(5_000), "{\"x\":\"" + "y".repeat(300_000) + "\"}", "<xml/>");

    private final JsonMapper json;
    private final ApiDocument document;
    private final KnownValues known;

    RequestFactory(JsonMapper json, ApiDocument document, KnownValues known) {
        this.json = json;
        this.document = document;
        this.known = known;
    }

    FuzzRequest create(int index, Operation operation, Random random) {
        Mode mode = pickMode(random);
        Persona persona = GUARDED.contains(operation.key()) ? Persona.ANONYMOUS : Persona.values()[random.nextInt(Persona.values().length)];
        List<Map.Entry<String, String>> headers = new ArrayList<>();
        String path = operation.path();
        String documentedPath = operation.path();
        StringBuilder query = new StringBuilder();
        for (Parameter parameter : operation.parameters()) {
            boolean include = parameter.required() ? !(mode == Mode.STRUCTURE && random.nextInt(3) == 0) : random.nextBoolean();
            String value = value(parameter.name(), parameter.schema(), mode, random);
            String real = operation.method().equals("GET") && mode == Mode.VALID && random.nextBoolean() ? known.forParameter(operation.path(), parameter.name(), random) : null;
            value = real != null ? real : value;
            switch (parameter.in()) {
                case "path" -> {
                    path = path.replace("{" + parameter.name() + "}", include ? encode(value) : "");
                    documentedPath = documentedPath.replace("{" + parameter.name() + "}", "p");
                }
                case "query" -> {
                    if (include) {
                        query.append(query.isEmpty() ? "?" : "&").append(encode(parameter.name())).append('=').append(encode(value));
                    }
                }
                case "header" -> {
                    if (include) {
                        headers.add(Map.entry(parameter.name(), headerSafe(value)));
                    }
                }
                default -> { }
            }
        }
        if (mode == Mode.STRUCTURE && random.nextBoolean()) {
            query.append(query.isEmpty() ? "?" : "&").append(random.nextBoolean() ? "=x" : "unknown=" + encode(HostileValues.hostileString(random)));
        }
        String method = operation.method();
        boolean documentedMethod = true;
        String body = operation.bodySchema() == null ? null : json.writeValueAsString(body(operation.bodySchema(), mode, random, 0));
        String contentType = body == null ? null : "application/json";
        if (mode == Mode.TRANSPORT) {
            switch (random.nextInt(6)) {
                case 0 -> body = MALFORMED_BODIES.get(random.nextInt(MALFORMED_BODIES.size()));
                case 1 -> contentType = WRONG_CONTENT_TYPES.get(random.nextInt(WRONG_CONTENT_TYPES.size()));
                case 2 -> headers.add(Map.entry("Accept", ODD_ACCEPTS.get(random.nextInt(ODD_ACCEPTS.size()))));
                case 3 -> persona = Persona.ANONYMOUS; // and a forged or malformed Authorization below
                case 4 -> headers.add(Map.entry("Accept-Language", random.nextBoolean() ? "zz-ZZ;q=2, *;q=x" : "kk".repeat(2_000)));
                default -> {
                    method = List.of("PATCH", "PUT", "DELETE", "POST", "GET").get(random.nextInt(5));
                    documentedMethod = method.equals(operation.method());
                }
            }
            if (persona == Persona.ANONYMOUS && random.nextBoolean()) {
                headers.add(Map.entry("Authorization", List.of("Bearer", "Bearer ", "Bearer " + "x".repeat(5_000), "Basic YWRtaW46YWRtaW4=",
                        "Bearer eyJhbGciOiJub25lIn0.eyJzdWIiOiJhZG1pbiJ9.", "Bearer ' OR 1=1 --").get(random.nextInt(6))));
            }
        }
        if (body == null && !method.equals("GET") && mode == Mode.TRANSPORT && random.nextBoolean()) {
            body = MALFORMED_BODIES.get(random.nextInt(MALFORMED_BODIES.size())); // a body where none is expected
            contentType = "application/json";
        }
        if (contentType != null && !contentType.isEmpty()) {
            headers.add(Map.entry("Content-Type", contentType));
        }
        return new FuzzRequest(index, operation.key(), mode, persona, method, path + query, documentedPath, documentedMethod, headers, body);
    }

    private static Mode pickMode(Random random) {
        int roll = random.nextInt(100);
        return roll < 25 ? Mode.VALID : roll < 40 ? Mode.BOUNDARY : roll < 65 ? Mode.HOSTILE : roll < 82 ? Mode.STRUCTURE : Mode.TRANSPORT;
    }

    private static String value(String name, JsonNode schema, Mode mode, Random random) {
        boolean numeric = schema != null && ("integer".equals(type(schema)) || "number".equals(type(schema)));
        return switch (mode) {
            case BOUNDARY -> random.nextBoolean() ? (numeric ? String.valueOf(HostileValues.hostileNumber(random)) : HostileValues.boundaryString(random))
                    : HostileValues.plausible(name, schema, random);
            case HOSTILE -> random.nextBoolean() ? HostileValues.hostileString(random) : HostileValues.plausible(name, schema, random);
            case STRUCTURE -> random.nextInt(3) == 0 ? String.valueOf(HostileValues.hostileNumber(random)) : HostileValues.plausible(name, schema, random);
            default -> HostileValues.plausible(name, schema, random);
        };
    }

    /** A body for the schema; in the STRUCTURE mode with fields left out, added, nulled or of the wrong type. */
    private JsonNode body(JsonNode schema, Mode mode, Random random, int depth) {
        JsonNode node = field("body", schema, mode, random, depth);
        if (mode == Mode.STRUCTURE && node instanceof ObjectNode object) {
            String first = object.isEmpty() ? "unexpected" : object.propertyNames().iterator().next();
            switch (random.nextInt(5)) {
                case 0 -> object.remove(first); // a missing field
                case 1 -> object.put("unexpected" + random.nextInt(10), HostileValues.hostileString(random)); // an extra one
                case 2 -> object.putNull(first);
                case 3 -> object.set(first, json.createArrayNode().add(1).add("two")); // the wrong type
                default -> object.removeAll(); // {}
            }
        }
        return node;
    }

    private JsonNode field(String name, JsonNode rawSchema, Mode mode, Random random, int depth) {
        JsonNode schema = document.resolve(rawSchema);
        for (String combinator : List.of("oneOf", "anyOf", "allOf")) {
            if (schema.has(combinator) && !schema.path(combinator).isEmpty()) {
                schema = document.resolve(schema.path(combinator).get(0));
            }
        }
        String type = type(schema);
        if ("object".equals(type) || schema.has("properties")) {
            ObjectNode object = json.createObjectNode();
            if (depth < 4) {
                Set<String> required = new java.util.HashSet<>();
                schema.path("required").forEach(r -> required.add(r.asString()));
                for (var property : schema.path("properties").properties()) {
                    if (required.contains(property.getKey()) || random.nextInt(4) != 0) {
                        object.set(property.getKey(), field(property.getKey(), property.getValue(), mode, random, depth + 1));
                    }
                }
            }
            return object;
        }
        if ("array".equals(type)) {
            ArrayNode array = json.createArrayNode();
            int size = mode == Mode.BOUNDARY && random.nextBoolean() ? 200 : random.nextInt(3);
            for (int i = 0; i < size && depth < 4; i++) {
                array.add(field(name, schema.path("items"), mode, random, depth + 1));
            }
            return array;
        }
        if ("integer".equals(type) || "number".equals(type)) {
            return mode == Mode.VALID || random.nextBoolean() ? json.getNodeFactory().numberNode(random.nextInt(50))
                    : json.valueToTree(HostileValues.hostileNumber(random));
        }
        if ("boolean".equals(type)) {
            return mode == Mode.HOSTILE && random.nextBoolean() ? json.getNodeFactory().stringNode("perhaps") : json.getNodeFactory().booleanNode(random.nextBoolean());
        }
        return json.getNodeFactory().stringNode(value(name, schema, mode, random));
    }

    /** The type, also where OpenAPI 3.1 gives a list such as ["string", "null"]. */
    private static String type(JsonNode schema) {
        JsonNode type = schema.path("type");
        if (type.isArray()) {
            for (JsonNode each : type) {
                if (!"null".equals(each.asString())) {
                    return each.asString();
                }
            }
        }
        return type.asString("");
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }

    /** HTTP header values cannot carry control characters or non-Latin-1 text; the hostile rest is kept. */
    private static String headerSafe(String value) {
        StringBuilder safe = new StringBuilder();
        value.codePoints().filter(c -> c >= 0x20 && c < 0x7f).forEach(safe::appendCodePoint);
        return safe.toString().strip();
    }
}
