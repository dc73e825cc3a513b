package kz.tirkeu.pki.testing;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.UnaryOperator;
import kz.tirkeu.pki.ca.CaHierarchy;
import kz.tirkeu.pki.ca.KeyAlgorithm;
import kz.tirkeu.pki.ca.SubjectSpec;
import kz.tirkeu.pki.cert.KeyPurpose;
import kz.tirkeu.pki.cert.KzRole;
import kz.tirkeu.pki.crypto.Pem;
import kz.tirkeu.pki.crypto.SigningCredential;
import kz.tirkeu.pki.identity.Bin;
import kz.tirkeu.pki.identity.Iin;
import kz.tirkeu.pki.net.PkiHttpClient;
import kz.tirkeu.pki.revocation.RevocationChecker;
import kz.tirkeu.pki.validation.SignatureValidator;
import kz.tirkeu.pki.validation.ValidationPolicy;

/**
 * A test certification authority served over real HTTP on a loopback port, in the sandbox's layout.
 * Its services can be taken down, and the OCSP answers tampered with, to test what a relying party
 * does when the CA misbehaves.
 */
public final class TestCa implements AutoCloseable {

    public static final Iin BUYER_IIN = Iin.generate(LocalDate.of(1990, 3, 14), true, 1234);
    public static final Iin OTHER_IIN = Iin.generate(LocalDate.of(1985, 7, 2), false, 4321);
    public static final Bin DEALER_BIN = Bin.generate(2015, 6, 12345);
    public static final Bin OTHER_BIN = Bin.generate(2018, 2, 777);

    private final HttpServer server;
    private final CaHierarchy hierarchy;
    private final Map<String, AtomicInteger> hits = new ConcurrentHashMap<>();
    private final Set<String> down = ConcurrentHashMap.newKeySet();
    private volatile UnaryOperator<byte[]> ocspTamper = UnaryOperator.identity();
    private final ShiftedClock clock = new ShiftedClock();

    private TestCa(KeyAlgorithm keyAlgorithm) {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        URI base = URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/ca");
        hierarchy = CaHierarchy.create(base, keyAlgorithm, clock);
        server.createContext("/ca/ocsp", ex -> answer(ex, "ocsp", "application/ocsp-response",
                () -> ocspTamper.apply(hierarchy.ocsp().respond(ex.getRequestBody().readAllBytes()))));
        server.createContext("/ca/tsa", ex -> answer(ex, "tsa", "application/timestamp-reply",
                () -> hierarchy.tsa().respond(ex.getRequestBody().readAllBytes())));
        server.createContext("/ca/crl/root.crl", ex -> answer(ex, "crl", "application/pkix-crl",
                () -> hierarchy.root().currentCrl().getEncoded()));
        server.createContext("/ca/crl/intermediate.crl", ex -> answer(ex, "crl", "application/pkix-crl",
                () -> hierarchy.intermediate().currentCrl().getEncoded()));
        server.start();
    }

    public static TestCa start() {
        return new TestCa(KeyAlgorithm.EC_P256);
    }

    public static TestCa startRsa() {
        return new TestCa(KeyAlgorithm.RSA_2048);
    }

    private interface Body {
        byte[] get() throws Exception;
    }

    private void answer(HttpExchange exchange, String service, String contentType, Body body) throws IOException {
        hits.computeIfAbsent(service, s -> new AtomicInteger()).incrementAndGet();
        try (exchange) {
            if (down.contains(service)) {
                exchange.sendResponseHeaders(503, -1);
                return;
            }
            byte[] bytes = body.get();
            exchange.getResponseHeaders().set("Content-Type", contentType);
            exchange.sendResponseHeaders(200, bytes.length);
            exchange.getResponseBody().write(bytes);
        } catch (Exception e) {
            exchange.sendResponseHeaders(500, -1);
        }
    }

    /** Takes a service ("ocsp", "crl", "tsa") down: it answers HTTP 503 until brought back. */
    public void takeDown(String... services) {
        down.addAll(Set.of(services));
    }

    public void bringBackAll() {
        down.clear();
    }

    /** Lets a test replace the OCSP responder's answers, e.g. with a replayed one. */
    public void tamperOcspWith(UnaryOperator<byte[]> tamper) {
        this.ocspTamper = tamper;
    }

    public int hits(String service) {
        return hits.getOrDefault(service, new AtomicInteger()).get();
    }

    /** The clock of the CA's time-stamping authority; shift it to stamp in the past. */
    public ShiftedClock clock() {
        return clock;
    }

    public CaHierarchy hierarchy() {
        return hierarchy;
    }

    public X509Certificate root() {
        return hierarchy.rootCertificate();
    }

    public String rootPem() {
        return Pem.write(root());
    }

    public SignatureValidator validator(Clock clock) {
        return new SignatureValidator(ValidationPolicy.trusting(root()), revocationChecker(clock), clock);
    }

    public SignatureValidator validator() {
        return validator(Clock.systemUTC());
    }

    public RevocationChecker revocationChecker(Clock clock) {
        return new RevocationChecker(new PkiHttpClient(Duration.ofSeconds(2), Duration.ofSeconds(3)), clock, true);
    }

    public SigningCredential individual(Iin iin, KeyPurpose purpose) {
        return individual(iin, purpose, Instant.now().minus(Duration.ofDays(30)), Instant.now().plus(Duration.ofDays(365)));
    }

    public SigningCredential individual(Iin iin, KeyPurpose purpose, Instant notBefore, Instant notAfter) {
        return individual(iin, purpose, KeyAlgorithm.EC_P256, notBefore, notAfter);
    }

    public SigningCredential individual(Iin iin, KeyPurpose purpose, KeyAlgorithm keyAlgorithm) {
        return individual(iin, purpose, keyAlgorithm, Instant.now().minus(Duration.ofDays(30)), Instant.now().plus(Duration.ofDays(365)));
    }

    private SigningCredential individual(Iin iin, KeyPurpose purpose, KeyAlgorithm keyAlgorithm, Instant notBefore, Instant notAfter) {
        return hierarchy.intermediate().issueCredential(SubjectSpec.individual(iin, "ТЕСТОВ", "АЙДАР", "СЕРІКҰЛЫ"),
                purpose, Set.of(KzRole.INDIVIDUAL), keyAlgorithm, notBefore, notAfter);
    }

    public SigningCredential employee(Iin iin, Bin bin, KeyPurpose purpose, KzRole role) {
        return hierarchy.intermediate().issueCredential(
                SubjectSpec.employee(iin, "ДИЛЕРОВА", "АЙГҮЛ", "МАРАТҚЫЗЫ", bin, "ТОО \"Астана Моторс\""),
                purpose, EnumSet.of(KzRole.LEGAL_ENTITY_EMPLOYEE, role), KeyAlgorithm.EC_P256,
                Instant.now().minus(Duration.ofDays(30)), Instant.now().plus(Duration.ofDays(365)));
    }

    public SigningCredential organisation(Bin bin, KeyAlgorithm keyAlgorithm) {
        return hierarchy.intermediate().issueCredential(SubjectSpec.organisation(bin, "АО \"Тіркеу\"", "Tirkeu platform"),
                KeyPurpose.SIGN, Set.of(), keyAlgorithm, Instant.now().minus(Duration.ofDays(1)), Instant.now().plus(Duration.ofDays(365)));
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
