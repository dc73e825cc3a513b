package kz.tirkeu.sandbox;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/** The platform's callback endpoint, played by the test: records what the sandbox posts to it (with one signature header), answers as told. */
public final class CallbackReceiver implements AutoCloseable {

    public record Received(byte[] body, String signature, String contentType, Instant at) {}

    private final HttpServer server;
    private final BlockingQueue<Received> received = new LinkedBlockingQueue<>();
    private final Deque<Integer> statuses;

    /** A receiver of the SMS centre's delivery receipts. */
    public CallbackReceiver(List<Integer> statuses) {
        this("X-Sms-Signature", statuses);
    }

    /**
     * @param signatureHeader the header the signature comes in
     * @param statuses        what to answer to the first calls, in order; 200 after them
     */
    public CallbackReceiver(String signatureHeader, List<Integer> statuses) {
        this.statuses = new ArrayDeque<>(statuses);
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/receipts", exchange -> {
            byte[] body;
            try (InputStream in = exchange.getRequestBody()) {
                body = in.readAllBytes();
            }
            received.add(new Received(body, exchange.getRequestHeaders().getFirst(signatureHeader),
                    exchange.getRequestHeaders().getFirst("Content-Type"), Instant.now()));
            Integer status;
            synchronized (this.statuses) {
                status = this.statuses.isEmpty() ? 200 : this.statuses.poll();
            }
            exchange.sendResponseHeaders(status, -1);
            exchange.close();
        });
        server.start();
    }

    public URI url() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/receipts");
    }

    /** The next call, waiting up to five seconds. */
    public Received next() throws InterruptedException {
        Received call = received.poll(5, TimeUnit.SECONDS);
        if (call == null) {
            throw new AssertionError("the sandbox posted nothing to " + url() + " within five seconds");
        }
        return call;
    }

    /** The next call if one comes within the wait. */
    public Received poll(Duration wait) throws InterruptedException {
        return received.poll(wait.toMillis(), TimeUnit.MILLISECONDS);
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
