package kz.tirkeu.sandbox.sms;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/** The platform's receipt endpoint, played by the test: records what the SMS centre posts, answers as told. */
final class CallbackReceiver implements AutoCloseable {

    record Received(byte[] body, String signature, String contentType, Instant at) {}

    private final HttpServer server;
    private final BlockingQueue<Received> received = new LinkedBlockingQueue<>();
    private final Deque<Integer> statuses;

    /** @param statuses what to answer to the first calls, in order; 200 after them */
    CallbackReceiver(List<Integer> statuses) {
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
            received.add(new Received(body, exchange.getRequestHeaders().getFirst("X-Sms-Signature"),
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

    URI url() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/receipts");
    }

    /** The next call, waiting up to five seconds. */
    Received next() throws InterruptedException {
        Received call = received.poll(5, TimeUnit.SECONDS);
        if (call == null) {
            throw new AssertionError("the SMS centre posted no receipt to " + url() + " within five seconds");
        }
        return call;
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
