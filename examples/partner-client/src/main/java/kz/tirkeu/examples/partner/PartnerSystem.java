package kz.tirkeu.examples.partner;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.Signature;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.bouncycastle.asn1.ASN1Integer;
import org.bouncycastle.asn1.ASN1Sequence;

/**
 * The partner system itself (docs/PARTNERS.md): it authenticates as itself with OAuth 2 client credentials and a JWT
 * it signs with its system key ({@code private_key_jwt}, RFC 7523), confirms people's sign-ins with its own token (their
 * sessions are then bound to it), and receives signed webhooks of the applications it follows on a small HTTP server.
 */
public final class PartnerSystem implements AutoCloseable {

    /** A webhook delivery as received: checked genuine before it is kept. */
    public record Delivery(String eventId, Map<String, Object> event) {}

    private final Api api;
    private final String clientId;
    private final Signer key;
    private final List<Delivery> deliveries = Collections.synchronizedList(new ArrayList<>());
    private final Set<String> seen = ConcurrentHashMap.newKeySet();
    private HttpServer receiver;
    private volatile String secret;
    private String token;
    private Instant tokenExpires = Instant.EPOCH;

    public PartnerSystem(Api api, String clientId, Signer key) {
        this.api = api;
        this.clientId = clientId;
        this.key = key;
    }

    /** The partner's access token: a fresh one from the token endpoint when the last is about to expire. */
    public synchronized String token() throws GeneralSecurityException {
        if (Instant.now().isAfter(tokenExpires.minusSeconds(30))) {
            String form = "grant_type=client_credentials"
                    + "&client_assertion_type=" + URLEncoder.encode("urn:ietf:params:oauth:client-assertion-type:jwt-bearer", StandardCharsets.UTF_8)
                    + "&client_assertion=" + clientAssertion();
            Map<String, Object> answer = api.postForm("/api/v1/partner/token", form);
            token = (String) answer.get("access_token");
            tokenExpires = Instant.now().plusSeconds(((Number) answer.get("expires_in")).longValue());
        }
        return token;
    }

    /** RFC 7523 §2.2: iss = sub = the client id, aud = the token endpoint, a short exp, a jti used once; signed with the system key. */
    String clientAssertion() throws GeneralSecurityException {
        long now = Instant.now().getEpochSecond();
        Map<String, Object> claims = new LinkedHashMap<>();
        claims.put("iss", clientId);
        claims.put("sub", clientId);
        claims.put("aud", api.base().resolve("/api/v1/partner/token").toString());
        claims.put("iat", now);
        claims.put("exp", now + 60);
        claims.put("jti", UUID.randomUUID().toString());
        boolean ec = "EC".equals(key.privateKey().getAlgorithm());
        String header = base64Url(Json.write(Map.of("alg", ec ? "ES256" : "RS256", "typ", "JWT")).getBytes(StandardCharsets.UTF_8));
        String payload = base64Url(Json.write(claims).getBytes(StandardCharsets.UTF_8));
        byte[] signingInput = (header + "." + payload).getBytes(StandardCharsets.US_ASCII);
        return header + "." + payload + "." + base64Url(sign(signingInput, key.privateKey(), ec));
    }

    /** The person's side of a sign-in is theirs (EDS, SMS code); the partner confirms it with its own token: a session bound to it. */
    public String confirmSignIn(String signInId, String code) throws GeneralSecurityException {
        return (String) api.post("/api/v1/partner/sign-ins/" + signInId + "/confirmation", Map.of("code", code), Api.Caller.partner(token()))
                .get("sessionToken");
    }

    /** Starts the receiver on this machine's loopback and subscribes it; the secret comes once, in the answer. */
    public void subscribe() throws IOException, GeneralSecurityException {
        receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        receiver.createContext("/tirkeu/events", exchange -> {
            byte[] body = exchange.getRequestBody().readAllBytes();
            String signature = exchange.getRequestHeaders().getFirst("Tirkeu-Signature");
            boolean genuine;
            try {
                genuine = signature != null && secret != null && genuine(signature, body, secret);
            } catch (GeneralSecurityException e) {
                genuine = false;
            }
            String eventId = exchange.getRequestHeaders().getFirst("Tirkeu-Event-Id");
            // 2xx only for a genuine delivery; the same event may come twice (at least once): keep it once.
            if (genuine && eventId != null && seen.add(eventId)) {
                deliveries.add(new Delivery(eventId, Json.object(new String(body, StandardCharsets.UTF_8))));
            }
            exchange.sendResponseHeaders(genuine ? 204 : 401, -1);
            exchange.close();
        });
        receiver.start();
        String url = "http://127.0.0.1:" + receiver.getAddress().getPort() + "/tirkeu/events";
        secret = (String) api.post("/api/v1/partner/webhooks", Map.of("url", url), Api.Caller.partner(token())).get("secret");
    }

    public List<Delivery> deliveries() {
        synchronized (deliveries) {
            return List.copyOf(deliveries);
        }
    }

    /** docs/PARTNERS.md §6: HMAC-SHA256 with the secret over "t." + the raw body; t within five minutes; compared in constant time. */
    static boolean genuine(String signatureHeader, byte[] rawBody, String secret) throws GeneralSecurityException {
        Map<String, String> parts = new HashMap<>();
        for (String part : signatureHeader.split(",")) {
            int eq = part.indexOf('=');
            if (eq > 0) {
                parts.put(part.substring(0, eq).strip(), part.substring(eq + 1).strip());
            }
        }
        long t = Long.parseLong(parts.getOrDefault("t", "0"));
        if (Math.abs(Instant.now().getEpochSecond() - t) > 300) {
            return false;
        }
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        mac.update((t + ".").getBytes(StandardCharsets.UTF_8));
        byte[] expected = mac.doFinal(rawBody);
        try {
            return MessageDigest.isEqual(expected, HexFormat.of().parseHex(parts.getOrDefault("v1", "")));
        } catch (IllegalArgumentException notHex) {
            return false;
        }
    }

    @Override
    public void close() {
        if (receiver != null) {
            receiver.stop(0);
        }
    }

    /** JWS: RS256 is PKCS#1 v1.5 as Java makes it; ES256 wants R and S as two 32-byte numbers, not Java's DER sequence. */
    private static byte[] sign(byte[] input, PrivateKey key, boolean ec) throws GeneralSecurityException {
        Signature signature = Signature.getInstance(ec ? "SHA256withECDSA" : "SHA256withRSA");
        signature.initSign(key);
        signature.update(input);
        byte[] der = signature.sign();
        if (!ec) {
            return der;
        }
        ASN1Sequence sequence = ASN1Sequence.getInstance(der);
        byte[] raw = new byte[64];
        copyUnsigned(ASN1Integer.getInstance(sequence.getObjectAt(0)).getPositiveValue().toByteArray(), raw, 0);
        copyUnsigned(ASN1Integer.getInstance(sequence.getObjectAt(1)).getPositiveValue().toByteArray(), raw, 32);
        return raw;
    }

    private static void copyUnsigned(byte[] number, byte[] into, int offset) {
        int start = number.length > 32 ? number.length - 32 : 0;
        int length = number.length - start;
        System.arraycopy(number, start, into, offset + 32 - length, length);
    }

    private static String base64Url(byte[] bytes) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
