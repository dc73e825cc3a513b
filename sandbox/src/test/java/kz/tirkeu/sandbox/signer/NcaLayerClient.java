package kz.tirkeu.sandbox.signer;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** A browser's side of NCALayer, played with the JDK's WebSocket client: send a message, read the answer. */
final class NcaLayerClient implements AutoCloseable {

    private final WebSocket socket;
    private final BlockingQueue<String> messages = new LinkedBlockingQueue<>();
    private volatile boolean closed;

    private NcaLayerClient(URI uri, Optional<String> cookie) {
        WebSocket.Builder builder = HttpClient.newHttpClient().newWebSocketBuilder().connectTimeout(Duration.ofSeconds(5));
        cookie.ifPresent(value -> builder.header("Cookie", value));
        this.socket = builder.buildAsync(uri, new WebSocket.Listener() {
            private final StringBuilder parts = new StringBuilder();

            @Override
            public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
                parts.append(data);
                if (last) {
                    messages.add(parts.toString());
                    parts.setLength(0);
                }
                webSocket.request(1);
                return null;
            }

            @Override
            public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
                closed = true;
                return null;
            }

            @Override
            public void onError(WebSocket webSocket, Throwable error) {
                closed = true;
            }
        }).join();
    }

    /** Connected as a test client naming its device in the address. */
    static NcaLayerClient forDevice(int port, String device) {
        return new NcaLayerClient(URI.create("ws://localhost:" + port + "/sandbox/ncalayer?device=" + device), Optional.empty());
    }

    /** Connected as a browser: the device is whatever the cookie says (or nothing). */
    static NcaLayerClient withCookie(int port, Optional<String> cookie) {
        return new NcaLayerClient(URI.create("ws://localhost:" + port + "/sandbox/ncalayer"), cookie);
    }

    void send(String message) {
        socket.sendText(message, true).join();
    }

    /** The next message from the signer, within ten seconds. */
    String nextMessage() throws InterruptedException {
        String message = messages.poll(10, TimeUnit.SECONDS);
        if (message == null) {
            throw new AssertionError("the sandbox signer sent nothing within ten seconds" + (closed ? "; it closed the connection" : ""));
        }
        return message;
    }

    JsonNode next() throws InterruptedException {
        return JsonMapper.shared().readTree(nextMessage());
    }

    JsonNode ask(String message) throws InterruptedException {
        send(message);
        return next();
    }

    boolean isOpen() {
        return !closed && !socket.isInputClosed() && !socket.isOutputClosed();
    }

    /** Nothing arrives for a while (e.g. after a heartbeat). */
    boolean quietFor(Duration duration) throws InterruptedException {
        return messages.poll(duration.toMillis(), TimeUnit.MILLISECONDS) == null;
    }

    @Override
    public void close() {
        socket.abort();
    }
}
