package kz.tirkeu.platform.web;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.HexFormat;
import java.util.Optional;
import java.util.function.Supplier;
import kz.tirkeu.pki.cms.Digests;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Idempotency-Key on state-changing POSTs: the first request with a key is served and its answer
 * kept; a repeat with the same key and the same body gets that answer again, without doing anything
 * twice; the same key with another body is refused. Keys are per caller.
 */
@Component
public class IdempotentRequests {

    private final JdbcClient db;
    private final Clock clock;
    private final JsonMapper json = JsonMapper.builder().build();

    IdempotentRequests(JdbcClient db, Clock clock) {
        this.db = db;
        this.clock = clock;
    }

    public ResponseEntity<?> once(String caller, String key, Object requestBody, Supplier<ResponseEntity<?>> work) {
        if (key == null || key.isBlank()) {
            return work.get();
        }
        if (key.length() > 200) {
            throw new ProblemException("IDEMPOTENCY_KEY_INVALID", HttpStatus.BAD_REQUEST, "An Idempotency-Key has at most 200 characters.");
        }
        String digest = HexFormat.of().formatHex(Digests.sha256(json.writeValueAsString(requestBody).getBytes(StandardCharsets.UTF_8)));
        Optional<Stored> stored = db.sql("select request_digest, status, response from idempotent_request where caller = ? and key = ?")
                .params(caller, key).query((rs, n) -> new Stored(rs.getString(1), rs.getInt(2), rs.getString(3))).optional();
        if (stored.isPresent()) {
            if (!stored.get().digest().equals(digest)) {
                throw new ProblemException("IDEMPOTENCY_KEY_REUSED", HttpStatus.UNPROCESSABLE_CONTENT,
                        "This Idempotency-Key was used for a different request. Use a new key for a new request.");
            }
            return ResponseEntity.status(stored.get().status()).contentType(MediaType.APPLICATION_JSON).header("Idempotent-Replay", "true")
                    .body(stored.get().response());
        }
        ResponseEntity<?> response = work.get();
        db.sql("insert into idempotent_request (key, caller, request_digest, status, response, created_at) values (?, ?, ?, ?, ?, ?) on conflict do nothing")
                .params(key, caller, digest, response.getStatusCode().value(), json.writeValueAsString(response.getBody()),
                        clock.instant().atOffset(ZoneOffset.UTC))
                .update();
        return response;
    }

    private record Stored(String digest, int status, String response) {}
}
