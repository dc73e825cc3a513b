package kz.tirkeu.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import kz.tirkeu.pki.cms.CadesSigner;
import kz.tirkeu.pki.cms.Packaging;
import kz.tirkeu.pki.crypto.SigningCredential;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A partner channel or a tester, over real HTTP: fetches a persona's key from the sandbox, signs
 * with it as NCALayer would, reads one-time codes from the sandbox SMS centre, and calls the API.
 */
public final class TirkeuClient {

    public static final String KEY_PASSWORD = "Qwerty12";
    // Six digits standing alone: not the tail of an application number (A-2026-000012) in the notices the same phone gets.
    private static final Pattern CODE = Pattern.compile("(?<![\\w-])(\\d{6})(?![\\w-])");
    private static final java.util.Set<String> USED_MESSAGES = java.util.concurrent.ConcurrentHashMap.newKeySet();

    private final String base;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final JsonMapper json = JsonMapper.builder().build();
    private final Map<String, SigningCredential> keys = new HashMap<>();

    public TirkeuClient(int port) {
        this.base = "http://localhost:" + port;
    }

    public record Reply(int status, JsonNode body, HttpResponse<String> raw) {
        public String code() {
            return body.path("code").asString();
        }
    }

    public Reply get(String path, String token) {
        return send(HttpRequest.newBuilder(URI.create(base + path)).GET(), token);
    }

    public Reply post(String path, Object body, String token) {
        return send(HttpRequest.newBuilder(URI.create(base + path)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body instanceof String s ? s : json.writeValueAsString(body))), token);
    }

    public Reply put(String path, Object body, String token) {
        return send(HttpRequest.newBuilder(URI.create(base + path)).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(body instanceof String s ? s : json.writeValueAsString(body))), token);
    }

    public Reply send(HttpRequest.Builder request, String token) {
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        try {
            HttpResponse<String> response = http.send(request.timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
            JsonNode body = response.body().isBlank() ? json.createObjectNode() : parse(response.body());
            return new Reply(response.statusCode(), body, response);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private JsonNode parse(String body) {
        try {
            return json.readTree(body);
        } catch (RuntimeException e) {
            return json.createObjectNode().put("text", body);
        }
    }

    /** A persona's key file, downloaded from the sandbox as a tester would. */
    public SigningCredential key(String personaId, String purpose) {
        return keys.computeIfAbsent(personaId + "/" + purpose, k -> {
            try {
                HttpResponse<byte[]> file = http.send(HttpRequest.newBuilder(URI.create(base + "/sandbox/personas/" + personaId + "/" + purpose + ".p12")).build(),
                        HttpResponse.BodyHandlers.ofByteArray());
                assertThat(file.statusCode()).as("key file of " + personaId).isEqualTo(200);
                return SigningCredential.fromPkcs12(file.body(), KEY_PASSWORD.toCharArray());
            } catch (IOException | InterruptedException e) {
                throw new IllegalStateException(e);
            }
        });
    }

    public void forgetKeys() {
        keys.clear();
    }

    public String signBase64(String base64Data, SigningCredential key) {
        byte[] cms = CadesSigner.withDefaultAlgorithms().sign(Base64.getDecoder().decode(base64Data), key, Packaging.ATTACHED, Optional.empty());
        return Base64.getEncoder().encodeToString(cms);
    }

    /** Challenge, then the signature with the given key: the reply of POST /api/v1/auth/sign-ins. */
    public Reply presentSignature(SigningCredential key) {
        JsonNode challenge = post("/api/v1/auth/challenges", "", null).body();
        return post("/api/v1/auth/sign-ins", Map.of("challengeId", challenge.path("challengeId").asString(),
                "signature", signBase64(challenge.path("dataToSign").asString(), key)), null);
    }

    public String phoneOf(String iin) {
        Reply subscriber = get("/sandbox/mbg/v1/subscribers/" + iin, null);
        assertThat(subscriber.status()).as("МБГ phone of " + iin).isEqualTo(200);
        return subscriber.body().path("phone").asString();
    }

    /** The newest one-time code the sandbox SMS centre holds for the number, sent at or after {@code since}. */
    public String codeSentTo(String phone, Instant since) {
        return org.awaitility.Awaitility.await("a code sent to " + phone + " since " + since).atMost(java.time.Duration.ofSeconds(10))
                .pollInterval(java.time.Duration.ofMillis(50)).until(() -> newCode(phone, since), java.util.Optional::isPresent).orElseThrow();
    }

    private java.util.Optional<String> newCode(String phone, Instant since) {
        JsonNode messages = get("/sandbox/sms/v1/messages?to=" + java.net.URLEncoder.encode(phone, StandardCharsets.UTF_8), null).body();
        for (JsonNode message : messages.isArray() ? messages : messages.path("messages")) {
            Instant sentAt = Instant.parse(message.path("sentAt").asString());
            Matcher code = CODE.matcher(message.path("text").asString());
            // Each code is read once: a sign-in a moment earlier for the same person must not lend its code.
            if (!sentAt.isBefore(since.minusMillis(200)) && code.find() && USED_MESSAGES.add(message.path("id").asString() + message.path("messageId").asString())) {
                return java.util.Optional.of(code.group(1));
            }
        }
        return java.util.Optional.empty();
    }

    /** The whole API sign-in of a persona with its AUTH key and SMS code: the bearer token. */
    public String signIn(String personaId) {
        SigningCredential key = key(personaId, "auth");
        Instant before = Instant.now();
        Reply started = presentSignature(key);
        assertThat(started.status()).as(started.body().toString()).isEqualTo(201);
        String iin = kz.tirkeu.pki.cert.KzCertificate.of(key.certificate()).iin().orElseThrow().value();
        // The SMS centre may hold a late second copy of an earlier sign-in's code (a send retried after a
        // slow first attempt); such a copy is rejected once and the next message is read.
        Reply confirmed = null;
        for (int attempt = 0; attempt < 3; attempt++) {
            String code = codeSentTo(phoneOf(iin), before);
            confirmed = post("/api/v1/auth/sign-ins/" + started.body().path("signInId").asString() + "/confirmation", Map.of("code", code), null);
            if (!"CODE_WRONG".equals(confirmed.code())) {
                break;
            }
        }
        assertThat(confirmed.status()).as(confirmed.body().toString()).isEqualTo(200);
        return confirmed.body().path("accessToken").asString();
    }

    public JsonMapper json() {
        return json;
    }

    public String base() {
        return base;
    }
}
