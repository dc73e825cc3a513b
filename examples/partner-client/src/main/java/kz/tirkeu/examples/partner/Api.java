package kz.tirkeu.examples.partner;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;

/**
 * Tirkeu's REST API over the JDK's HTTP client: JSON in and out, the person's bearer token, an {@code Idempotency-Key}
 * on every POST (a POST repeated after a timeout with the same key is answered once), and problem+json errors turned
 * into exceptions that keep the stable {@code code}.
 */
public final class Api {

    /** An error answer: the HTTP status, the stable code to branch on, and the detail to show people. */
    public static final class Problem extends RuntimeException {
        private final int status;
        private final String code;

        Problem(int status, String code, String detail) {
            super(status + " " + code + ": " + detail);
            this.status = status;
            this.code = code;
        }

        public int status() {
            return status;
        }

        public String code() {
            return code;
        }
    }

    private final URI base;
    private final String language;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    /** @param language the Accept-Language people's texts (problem details, refusals) are wanted in */
    public Api(URI base, String language) {
        this.base = base;
        this.language = language;
    }

    public URI base() {
        return base;
    }

    public Map<String, Object> get(String path, String token) {
        return Json.object(send(request(path, token).GET(), 200, 200));
    }

    public Object getAny(String path, String token) {
        return Json.parse(send(request(path, token).GET(), 200, 200));
    }

    public byte[] getBytes(String path) {
        try {
            HttpResponse<byte[]> response = http.send(request(path, null).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
            if (response.statusCode() != 200) {
                throw new Problem(response.statusCode(), "HTTP_" + response.statusCode(), path);
            }
            return response.body();
        } catch (IOException e) {
            throw new IllegalStateException("cannot reach " + base + path, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** A state-changing call: 200 or 201 expected. A fresh Idempotency-Key each time; repeat the key to retry safely. */
    public Map<String, Object> post(String path, Object body, String token) {
        return post(path, body, token, UUID.randomUUID().toString());
    }

    public Map<String, Object> post(String path, Object body, String token, String idempotencyKey) {
        HttpRequest.Builder request = request(path, token).header("Content-Type", "application/json").header("Idempotency-Key", idempotencyKey)
                .POST(HttpRequest.BodyPublishers.ofString(body == null ? "{}" : Json.write(body)));
        String answer = send(request, 200, 201);
        return answer.isBlank() ? Map.of() : Json.object(answer);
    }

    private HttpRequest.Builder request(String path, String token) {
        HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(30))
                .header("Accept", "application/json").header("Accept-Language", language);
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return request;
    }

    private String send(HttpRequest.Builder request, int lowest, int highest) {
        try {
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() < lowest || response.statusCode() > highest) {
                String body = response.body();
                boolean problem = response.headers().firstValue("Content-Type").orElse("").startsWith("application/problem+json");
                Map<String, Object> detail = problem ? Json.object(body) : Map.of("code", "HTTP_" + response.statusCode(), "detail", body);
                throw new Problem(response.statusCode(), String.valueOf(detail.get("code")), String.valueOf(detail.get("detail")));
            }
            return response.body();
        } catch (IOException e) {
            throw new IllegalStateException("cannot reach " + base, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
