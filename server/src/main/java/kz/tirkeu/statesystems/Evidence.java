package kz.tirkeu.statesystems;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/**
 * What a check of a state system rests on (ARCHITECTURE.md §3): which system, which request, when,
 * what came of it, the facts the platform took from the answer, and a SHA-256 digest of the answer
 * exactly as received — so that a decision can later be shown to rest on that very answer.
 *
 * @param requestId  our id of the request, also logged in the exchange log and sent as X-Request-Id
 * @param httpStatus the HTTP status, or 0 when no answer came
 * @param responseDigest hex SHA-256 of the response body, empty when none
 */
public record Evidence(StateSystem system, UUID requestId, Instant requestedAt, Instant answeredAt, Outcome outcome,
                       int httpStatus, Map<String, String> facts, String responseDigest) {

    public Evidence {
        facts = Map.copyOf(facts);
    }

    public enum Outcome { FOUND, NOT_FOUND, UNAVAILABLE }

    public Evidence withFacts(Map<String, String> found) {
        return new Evidence(system, requestId, requestedAt, answeredAt, outcome, httpStatus, found, responseDigest);
    }
}
