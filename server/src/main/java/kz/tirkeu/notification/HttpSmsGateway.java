package kz.tirkeu.notification;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The SMS centre over HTTP: {@code POST <base>/v1/messages} with {@code {to, text, reference, callbackUrl}},
 * answered {@code 202 {messageId, status: ACCEPTED}}; the delivery receipt comes later to the callback
 * (see {@link SmsReceiptController}). The default base URL is the sandbox's SMS centre in this server.
 *
 * <p>Every call has a connect and a response timeout and goes through a circuit breaker. Nothing about
 * the recipient or the text goes into an outcome's reason, since reasons are kept in the delivery history.
 */
final class HttpSmsGateway implements SmsGateway, AutoCloseable {

    private final Supplier<URI> baseUrl;
    private final Duration readTimeout;
    private final JsonMapper json;
    private final OutboundBreaker breaker;
    private final HttpClient http;

    HttpSmsGateway(Supplier<URI> baseUrl, Duration connectTimeout, Duration readTimeout, JsonMapper json, OutboundBreaker breaker) {
        this.baseUrl = baseUrl;
        this.readTimeout = readTimeout;
        this.json = json;
        this.breaker = breaker;
        this.http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(connectTimeout)
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    @Override
    public SendOutcome send(OutgoingSms sms) {
        return breaker.call(() -> post(sms));
    }

    private SendOutcome post(OutgoingSms sms) {
        Map<String, String> message = new LinkedHashMap<>();
        message.put("to", sms.to().e164());
        message.put("text", sms.text());
        message.put("reference", sms.reference());
        message.put("callbackUrl", sms.callbackUrl().toString());
        HttpRequest request = HttpRequest.newBuilder(messagesUrl())
                .timeout(readTimeout)
                .header("Content-Type", "application/json")
                .header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(json.writeValueAsBytes(message)))
                .build();
        HttpResponse<byte[]> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
        } catch (HttpTimeoutException e) {
            return new SendOutcome.Unavailable("SMS centre did not answer within " + readTimeout);
        } catch (ConnectException e) {
            return new SendOutcome.Unavailable("SMS centre unreachable (connection refused or timed out)");
        } catch (IOException e) {
            return new SendOutcome.Unavailable("SMS centre unreachable: " + e.getClass().getSimpleName());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new SendOutcome.Unavailable("interrupted while sending to the SMS centre");
        }
        int status = response.statusCode();
        if (status >= 200 && status < 300) {
            return new SendOutcome.Accepted(field(response.body(), "messageId"));
        }
        // Only these say "this message, never". 401, 403 and 404 say we are talking to the wrong place or
        // with the wrong credentials (a setting to fix, after which the message can go); 408 and 429 say
        // "not now". Those are retried, like 5xx.
        if (status == 400 || status == 413 || status == 415 || status == 422) {
            String detail = field(response.body(), "detail");
            return new SendOutcome.Rejected("SMS centre refused the message: HTTP " + status
                    + (detail == null ? "" : " (" + abbreviate(detail) + ")"));
        }
        return new SendOutcome.Unavailable("SMS centre answered HTTP " + status);
    }

    private URI messagesUrl() {
        String base = baseUrl.get().toString();
        return URI.create((base.endsWith("/") ? base.substring(0, base.length() - 1) : base) + "/v1/messages");
    }

    private String field(byte[] body, String name) {
        try {
            JsonNode node = json.readTree(body);
            JsonNode value = node == null ? null : node.get(name);
            return value == null || value.isNull() ? null : value.asString();
        } catch (JacksonException e) {
            return null;
        }
    }

    private static String abbreviate(String text) {
        String line = text.replaceAll("\\s+", " ").strip();
        return line.length() <= 200 ? line : line.substring(0, 200) + "…";
    }

    @Override
    public void close() {
        http.close();
    }
}
