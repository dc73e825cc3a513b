package kz.tirkeu.notification;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * An SMS centre over real HTTP that follows the sandbox's contract, until the sandbox's own is merged:
 * {@code POST /sms/v1/messages {to, text, reference, callbackUrl}} → {@code 202 {messageId, status}},
 * and, when the test says so, a receipt POSTed to the callback with {@code X-Sms-Signature:
 * sha256=<HMAC-SHA256 of the body>}. Its answers can be scripted per phone number, so tests sharing one
 * centre do not disturb each other.
 */
final class FakeSmsCentre implements AutoCloseable {

    /** A message the centre accepted (or refused: {@code httpStatus}). */
    record Message(String messageId, String to, String text, String reference, URI callbackUrl, int httpStatus) {
        boolean accepted() {
            return httpStatus == 202;
        }
    }

    private final HttpServer server;
    private final String secret;
    private final JsonMapper json = JsonMapper.builder().build();
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private final List<Message> messages = new CopyOnWriteArrayList<>();
    private final Map<String, Deque<Integer>> scriptedStatuses = new ConcurrentHashMap<>();
    private final Map<String, Duration> delays = new ConcurrentHashMap<>();

    private FakeSmsCentre(String secret) throws IOException {
        this.secret = secret;
        this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        server.createContext("/sms/v1/messages", this::handle);
        server.start();
    }

    static FakeSmsCentre start(String secret) {
        try {
            return new FakeSmsCentre(secret);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    URI baseUrl() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/sms");
    }

    /** The next {@code times} messages to {@code phone} are answered with {@code status} instead of 202. */
    void answerNext(String phone, int times, int status) {
        Deque<Integer> queue = scriptedStatuses.computeIfAbsent(phone, p -> new ArrayDeque<>());
        synchronized (queue) {
            for (int i = 0; i < times; i++) {
                queue.add(status);
            }
        }
    }

    /** Answers for {@code phone} come this late (to make a client time out, or to widen races). */
    void delay(String phone, Duration delay) {
        delays.put(phone, delay);
    }

    List<Message> messagesTo(String phone) {
        return messages.stream().filter(message -> message.to().equals(phone)).toList();
    }

    List<Message> acceptedWithReference(String reference) {
        return messages.stream().filter(m -> m.accepted() && reference.equals(m.reference())).toList();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            if (!"POST".equals(exchange.getRequestMethod())) {
                exchange.sendResponseHeaders(405, -1);
                return;
            }
            JsonNode body;
            try (InputStream in = exchange.getRequestBody()) {
                body = json.readTree(in.readAllBytes());
            }
            String to = body.get("to").asString();
            Duration delay = delays.get(to);
            if (delay != null) {
                try {
                    Thread.sleep(delay);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            int status = nextStatus(to);
            String messageId = status == 202 ? "fake-" + UUID.randomUUID() : null;
            messages.add(new Message(messageId, to, body.get("text").asString(), body.get("reference").asString(),
                    URI.create(body.get("callbackUrl").asString()), status));
            byte[] answer = status == 202
                    ? json.writeValueAsBytes(Map.of("messageId", messageId, "status", "ACCEPTED"))
                    : json.writeValueAsBytes(Map.of("title", "scripted", "status", status, "detail", "scripted answer " + status));
            exchange.getResponseHeaders().add("Content-Type", status == 202 ? "application/json" : "application/problem+json");
            exchange.sendResponseHeaders(status, answer.length);
            exchange.getResponseBody().write(answer);
        }
    }

    private int nextStatus(String phone) {
        Deque<Integer> queue = scriptedStatuses.get(phone);
        if (queue == null) {
            return 202;
        }
        synchronized (queue) {
            Integer scripted = queue.poll();
            return scripted == null ? 202 : scripted;
        }
    }

    /** Reports a message's fate to its callback, signed as the centre signs; returns our server's answer. */
    HttpResponse<String> sendReceipt(Message message, String status) {
        byte[] body = receiptBody(message, status);
        return postReceipt(message.callbackUrl(), body, sign(body));
    }

    byte[] receiptBody(Message message, String status) {
        Map<String, String> receipt = new LinkedHashMap<>();
        receipt.put("messageId", message.messageId());
        receipt.put("reference", message.reference());
        receipt.put("status", status);
        receipt.put("at", Instant.parse("2026-03-01T10:15:30Z").toString());
        if (status.equals("FAILED")) {
            receipt.put("error", "subscriber unreachable");
        }
        return json.writeValueAsBytes(receipt);
    }

    HttpResponse<String> postReceipt(URI callback, byte[] body, String signatureHeader) {
        HttpRequest.Builder request = HttpRequest.newBuilder(callback)
                .timeout(Duration.ofSeconds(10))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body));
        if (signatureHeader != null) {
            request.header("X-Sms-Signature", signatureHeader);
        }
        try {
            return http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Signed with the JDK's own HMAC, independently of the server's BouncyCastle code it checks. */
    String sign(byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return "sha256=" + HexFormat.of().formatHex(mac.doFinal(body));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        server.stop(0);
        http.close();
    }
}
