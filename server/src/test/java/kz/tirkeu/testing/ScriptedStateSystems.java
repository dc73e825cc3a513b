package kz.tirkeu.testing;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.function.IntSupplier;

/**
 * State systems whose answers a test writes, over real HTTP. Paths it has no script for (МБГ, the SMS
 * centre, the CA) are passed on to the real sandbox in the server under test, so that sign-in and
 * notices work as usual.
 */
public final class ScriptedStateSystems implements AutoCloseable {

    public record Reply(int status, String body, Map<String, String> headers) {
        public static Reply json(String body) {
            return new Reply(200, body, Map.of());
        }

        public static Reply notFound() {
            return new Reply(404, "{\"status\":404}", Map.of());
        }

        public static Reply unavailable() {
            return new Reply(503, "{\"status\":503}", Map.of());
        }
    }

    private final HttpServer server;
    private final Map<String, Reply> script = new ConcurrentHashMap<>();
    private final HttpClient forward = HttpClient.newHttpClient();
    private volatile IntSupplier sandboxPort = () -> 0;

    public ScriptedStateSystems() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        server.createContext("/", this::answer);
        server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        server.start();
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    public void forwardOthersTo(IntSupplier serverPort) {
        this.sandboxPort = serverPort;
    }

    /** The answer to GET {path} (path and query, as the adapter asks). */
    public void on(String pathAndQuery, Reply reply) {
        script.put(pathAndQuery, reply);
    }

    public void clear() {
        script.clear();
    }

    private void answer(HttpExchange exchange) throws IOException {
        try (exchange) {
            String key = exchange.getRequestURI().getRawPath() + (exchange.getRequestURI().getRawQuery() == null ? "" : "?" + exchange.getRequestURI().getRawQuery());
            Reply reply = script.get(key);
            if (reply == null) {
                forward(exchange, key);
                return;
            }
            reply.headers().forEach((k, v) -> exchange.getResponseHeaders().set(k, v));
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            byte[] body = reply.body().getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(reply.status(), body.length);
            exchange.getResponseBody().write(body);
        }
    }

    private void forward(HttpExchange exchange, String key) throws IOException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + sandboxPort.getAsInt() + "/sandbox" + key));
        byte[] body = exchange.getRequestBody().readAllBytes();
        String contentType = exchange.getRequestHeaders().getFirst("Content-Type");
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        request.method(exchange.getRequestMethod(), body.length == 0 ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(body));
        try {
            HttpResponse<byte[]> response = forward.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
            response.headers().firstValue("Content-Type").ifPresent(t -> exchange.getResponseHeaders().set("Content-Type", t));
            exchange.sendResponseHeaders(response.statusCode(), response.body().length == 0 ? -1 : response.body().length);
            exchange.getResponseBody().write(response.body());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            exchange.sendResponseHeaders(503, -1);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
