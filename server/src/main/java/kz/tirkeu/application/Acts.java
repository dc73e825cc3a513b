package kz.tirkeu.application;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;
import kz.tirkeu.application.checks.CheckResult;
import kz.tirkeu.pki.json.CanonicalJson;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** How an {@link Act} is written, read back and shown: RFC 8785 canonical JSON, one form for storage and for hashing. */
public final class Acts {

    // Jackson 3 ignores unknown properties by default; a stored field no act knows means a migration missed a shape.
    private static final JsonMapper JSON = JsonMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .changeDefaultPropertyInclusion(inclusion -> inclusion.withValueInclusion(JsonInclude.Include.NON_ABSENT))
            .build();

    private Acts() {}

    /** The act's canonical bytes (RFC 8785): the same act always gives the same bytes. */
    public static byte[] canonical(Act act) {
        return CanonicalJson.canonicalize(JSON.writeValueAsString(act));
    }

    static String canonicalText(Act act) {
        return new String(canonical(act), StandardCharsets.UTF_8);
    }

    /** Reads a stored act back; the entry's kind says its type. Fails on a field the type does not know (a migration missed it). */
    static Act read(Action.Kind kind, String stored) {
        return JSON.readValue(stored, Act.typeOf(kind));
    }

    /**
     * The act as the API's flat {@code detail} map: each field as text, lists joined with ", ", a check's facts beside its
     * fields, and a waived refusal with its Art. 39 sentence.
     */
    public static Map<String, String> asDetail(Act act) {
        Map<String, String> detail = new LinkedHashMap<>();
        JsonNode tree = JSON.valueToTree(act);
        for (Map.Entry<String, JsonNode> field : tree.properties()) {
            JsonNode value = field.getValue();
            if (value.isNull()) {
                continue;
            }
            if (field.getKey().equals("facts") && value.isObject()) {
                value.properties().forEach(fact -> detail.put(fact.getKey(), fact.getValue().asString()));
            } else if (value.isArray()) {
                detail.put(field.getKey(), StreamSupport.stream(value.spliterator(), false).map(JsonNode::asString).collect(Collectors.joining(", ")));
            } else {
                detail.put(field.getKey(), value.asString());
            }
        }
        if (act instanceof Act.CheckPassed passed && passed.waived().isPresent()) {
            detail.put("why", Act.WAIVED_BECAUSE);
        }
        return detail;
    }

    /**
     * The log entry of one check of a round — written here only, for the checks of S1–S14 and the decision's alike. A
     * refusal an officer overturned on review (Art. 39) is logged as passed, naming the refusal it waived.
     */
    static Act ofCheck(CheckResult result, UUID round, Phase phase, Set<Refusal> waived) {
        return switch (result) {
            case CheckResult.Passed passed -> new Act.CheckPassed(round, phase, passed.check(), nonBlank(passed.found()), java.util.Optional.empty(),
                    passed.facts());
            case CheckResult.Refused refused when waived.contains(refused.refusal()) -> new Act.CheckPassed(round, phase, refused.check(),
                    nonBlank(refused.found()), java.util.Optional.of(refused.refusal()), refused.facts());
            case CheckResult.Refused refused -> new Act.CheckRefused(round, phase, refused.check(), refused.refusal(), refused.refusal().message(),
                    refused.found(), ProcessDefinition.VERSION, refused.facts());
            case CheckResult.Waiting waiting -> new Act.CheckWaiting(round, phase, waiting.check(), waiting.why(), waiting.facts());
        };
    }

    /** Whether a check result refuses, unless an officer overturned this very refusal on review. */
    static boolean refuses(CheckResult result, Set<Refusal> waived) {
        return result instanceof CheckResult.Refused refused && !waived.contains(refused.refusal());
    }

    private static java.util.Optional<String> nonBlank(String found) {
        return found == null || found.isBlank() ? java.util.Optional.empty() : java.util.Optional.of(found);
    }
}
