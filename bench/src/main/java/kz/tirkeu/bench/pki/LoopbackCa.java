package kz.tirkeu.bench.pki;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Clock;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import kz.tirkeu.pki.ca.CaHierarchy;
import kz.tirkeu.pki.ca.KeyAlgorithm;

/**
 * A test certification authority served over real HTTP on 127.0.0.1, in the sandbox's layout
 * ({@link CaHierarchy}): its certificates carry these OCSP and CRL addresses, so the validator
 * under benchmark reaches them exactly as it would reach the НУЦ. Counts the calls to each service,
 * which is how the benchmark proves that its measured runs never went to the network.
 */
final class LoopbackCa implements AutoCloseable {

    /** What {@link #calls} counts. */
    static final String OCSP = "ocsp";
    static final String CRL = "crl";
    static final String TSA = "tsa";

    private final HttpServer server;
    private final CaHierarchy hierarchy;
    private final Map<String, AtomicInteger> calls = new ConcurrentHashMap<>();

    private LoopbackCa(KeyAlgorithm keyAlgorithm, Clock clock) {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        URI base = URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/ca");
        hierarchy = CaHierarchy.create(base, keyAlgorithm, clock);
        server.createContext("/ca/ocsp", ex -> answer(ex, OCSP, "application/ocsp-response",
                () -> hierarchy.ocsp().respond(ex.getRequestBody().readAllBytes())));
        server.createContext("/ca/tsa", ex -> answer(ex, TSA, "application/timestamp-reply",
                () -> hierarchy.tsa().respond(ex.getRequestBody().readAllBytes())));
        server.createContext("/ca/crl/root.crl", ex -> answer(ex, CRL, "application/pkix-crl",
                () -> hierarchy.root().currentCrl().getEncoded()));
        server.createContext("/ca/crl/intermediate.crl", ex -> answer(ex, CRL, "application/pkix-crl",
                () -> hierarchy.intermediate().currentCrl().getEncoded()));
        server.start();
    }

    /** Creates the CA (root, intermediate, OCSP responder, TSA, all with keys of this type) and starts serving it. */
    static LoopbackCa start(KeyAlgorithm keyAlgorithm, Clock clock) {
        return new LoopbackCa(keyAlgorithm, clock);
    }

    private interface Body {
        byte[] get() throws Exception;
    }

    private void answer(HttpExchange exchange, String service, String contentType, Body body) throws IOException {
        calls.computeIfAbsent(service, s -> new AtomicInteger()).incrementAndGet();
        try (exchange) {
            byte[] bytes = body.get();
            exchange.getResponseHeaders().set("Content-Type", contentType);
            exchange.sendResponseHeaders(200, bytes.length);
            exchange.getResponseBody().write(bytes);
        } catch (Exception e) {
            exchange.sendResponseHeaders(500, -1);
        }
    }

    CaHierarchy hierarchy() {
        return hierarchy;
    }

    /** How many HTTP requests the service ({@link #OCSP}, {@link #CRL}, {@link #TSA}) has answered so far. */
    int calls(String service) {
        AtomicInteger count = calls.get(service);
        return count == null ? 0 : count.get();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
