package kz.tirkeu.examples.partner;

import java.io.PrintStream;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A partner system's happy path through Tirkeu, as a dealer system and a bank app would drive it: the dealer's manager
 * starts an application for a car of the sandbox and signs it (S1–S9), the buyer agrees, chooses a public service
 * centre and a plate type, pays and signs (S10–S18), and the police register the car (S19). Only the public HTTP API
 * and the sandbox's tester endpoints (key files, SMS codes, the payment page) are used.
 *
 * <pre>
 *   java -cp … kz.tirkeu.examples.partner.PartnerClient http://localhost:8080
 * </pre>
 *
 * In a real installation the people sign with NCALayer on their own computers and read the SMS on their own phones;
 * here the sandbox stands in for both (its personas' key files and its SMS centre).
 */
public final class PartnerClient {

    /** The sandbox's key files are protected with this password. */
    private static final char[] KEY_PASSWORD = "Qwerty12".toCharArray();
    private static final Pattern CODE = Pattern.compile("\\b(\\d{6})\\b");

    private final Api api;
    private final PrintStream out;

    public PartnerClient(Api api, PrintStream out) {
        this.api = api;
        this.out = out;
    }

    public static void main(String[] args) throws Exception {
        URI base = URI.create(args.length > 0 ? args[0] : "http://localhost:8080");
        Registered registered = new PartnerClient(new Api(base, "ru"), System.out).register("dealer1-manager", "buyer-aidar");
        System.out.println("Registered: application " + registered.number() + ", plate " + registered.plate() + ", certificate "
                + registered.certificate() + " (" + registered.verificationUrl() + ")");
    }

    /** What S19 gave the car: the plate, the registration certificate and the page that verifies it. */
    public record Registered(String number, String plate, String certificate, String verificationUrl) {}

    public Registered register(String sellerPersona, String buyerPersona) throws Exception {
        Map<String, Object> seller = persona(sellerPersona);
        Map<String, Object> buyer = persona(buyerPersona);
        String buyerIin = (String) buyer.get("iin");
        String vin = freshVehicle(buyerIin, (String) seller.get("bin"));
        out.println("A car of the sandbox, ready to register: VIN " + vin);

        String sellerToken = signIn(sellerPersona);
        Map<String, Object> started = api.post("/api/v1/applications", Map.of("vin", vin, "buyerIin", buyerIin), sellerToken);
        String number = (String) started.get("number");
        out.println("S1–S8: application " + number + " is " + started.get("status"));
        expect(started, "AWAITING_SELLER_SIGNATURE");

        // S9: the exact bytes to sign come base64 in dataToSign, in the language asked for (named inside them).
        Map<String, Object> statement = api.get("/api/v1/applications/" + number + "/seller-statement?language=ru", sellerToken);
        Map<String, Object> signed = api.post("/api/v1/applications/" + number + "/seller-signature",
                Map.of("signature", sign(statement, sellerPersona), "language", statement.get("language")), sellerToken);
        out.println("S9: the dealer signed; the application is " + signed.get("status"));
        expect(signed, "AWAITING_BUYER_CONSENT");

        String buyerToken = signIn(buyerPersona);
        expect(api.post("/api/v1/applications/" + number + "/consent", Map.of("agree", true), buyerToken), "AWAITING_CHOICES");
        String centre = centreIssuingPlates("02", buyerToken);
        expect(api.post("/api/v1/applications/" + number + "/choices", Map.of("pscCode", centre, "plateType", "STANDARD_SINGLE_LINE"), buyerToken),
                "AWAITING_PAYMENT");
        Map<String, Object> invoice = api.post("/api/v1/applications/" + number + "/invoice", null, buyerToken);
        out.println("S17: invoice " + invoice.get("invoiceId") + " for " + invoice.get("amountKzt") + " KZT; the buyer pays at " + invoice.get("paymentPageUrl"));
        // The buyer pays on the gateway's page; the sandbox's gateway takes the same decision over its API.
        api.post("/sandbox/payments/v1/invoices/" + invoice.get("invoiceId") + "/payment", Map.of("action", "pay"), null);
        awaitStatus(number, buyerToken, "AWAITING_BUYER_SIGNATURE", Duration.ofSeconds(30));

        Map<String, Object> buyerStatement = api.get("/api/v1/applications/" + number + "/buyer-statement?language=kk", buyerToken);
        Map<String, Object> submitted = api.post("/api/v1/applications/" + number + "/buyer-signature",
                Map.of("signature", sign(buyerStatement, buyerPersona), "language", buyerStatement.get("language")), buyerToken);
        out.println("S18: the buyer signed; the application is " + submitted.get("status"));

        Map<String, Object> registered = awaitStatus(number, buyerToken, "REGISTERED", Duration.ofSeconds(60));
        out.println("S19: " + number + " is REGISTERED");
        return new Registered(number, Json.at(registered, "registration.plate"), Json.at(registered, "registration.certificate"),
                Json.at(registered, "registration.verificationUrl"));
    }

    /** The sign-in of a person with their EDS (AUTH key) and the SMS code sent to their МБГ number: a bearer token. */
    public String signIn(String personaId) throws Exception {
        Signer key = key(personaId, "auth");
        Map<String, Object> challenge = api.post("/api/v1/auth/challenges", null, null);
        Instant asked = Instant.now();
        Map<String, Object> started = api.post("/api/v1/auth/sign-ins",
                Map.of("challengeId", challenge.get("challengeId"), "signature", sign((String) challenge.get("dataToSign"), key)), null);
        String code = smsCodeFor((String) persona(personaId).get("iin"), asked);
        Map<String, Object> confirmed = api.post("/api/v1/auth/sign-ins/" + started.get("signInId") + "/confirmation", Map.of("code", code), null);
        return (String) confirmed.get("accessToken");
    }

    private Map<String, Object> persona(String personaId) {
        return api.get("/sandbox/personas/" + personaId, null);
    }

    private String freshVehicle(String buyerIin, String sellerBin) {
        return (String) api.post("/sandbox/seed/v1/ready-vehicles?buyerIin=" + buyerIin + "&sellerBin=" + sellerBin, null, null).get("vin");
    }

    @SuppressWarnings("unchecked")
    private String centreIssuingPlates(String region, String token) {
        for (Object centre : (List<Object>) api.getAny("/api/v1/service-centres?region=" + region, token)) {
            Map<String, Object> c = (Map<String, Object>) centre;
            if (Boolean.TRUE.equals(c.get("issuesPlates"))) {
                return (String) c.get("code");
            }
        }
        throw new IllegalStateException("no centre of region " + region + " issues plates");
    }

    /** The sandbox's SMS centre holds what it "sent": the newest code to the person's МБГ number since the sign-in began. */
    @SuppressWarnings("unchecked")
    private String smsCodeFor(String iin, Instant since) throws InterruptedException {
        String phone = (String) api.get("/sandbox/mbg/v1/subscribers/" + iin, null).get("phone");
        Instant deadline = Instant.now().plusSeconds(15);
        while (Instant.now().isBefore(deadline)) {
            Object messages = api.getAny("/sandbox/sms/v1/messages?to=" + URLEncoder.encode(phone, StandardCharsets.UTF_8), null);
            List<Object> list = messages instanceof List<?> l ? (List<Object>) l : (List<Object>) ((Map<String, Object>) messages).get("messages");
            for (Object message : list) {
                Map<String, Object> m = (Map<String, Object>) message;
                Matcher code = CODE.matcher(String.valueOf(m.get("text")));
                if (!Instant.parse((String) m.get("sentAt")).isBefore(since.minusSeconds(1)) && code.find()) {
                    return code.group(1);
                }
            }
            Thread.sleep(100);
        }
        throw new IllegalStateException("no SMS code reached " + phone);
    }

    private Map<String, Object> awaitStatus(String number, String token, String status, Duration patience) throws InterruptedException {
        Instant deadline = Instant.now().plus(patience);
        while (true) {
            Map<String, Object> application = api.get("/api/v1/applications/" + number, token);
            if (status.equals(application.get("status")) || Instant.now().isAfter(deadline)) {
                return expect(application, status);
            }
            Thread.sleep(200);
        }
    }

    private static Map<String, Object> expect(Map<String, Object> application, String status) {
        if (!status.equals(application.get("status"))) {
            throw new IllegalStateException("expected " + status + ", got " + application.get("status") + ": " + application.get("refusal"));
        }
        return application;
    }

    private Signer key(String personaId, String purpose) throws Exception {
        return Signer.fromPkcs12(api.getBytes("/sandbox/personas/" + personaId + "/" + purpose + ".p12"), KEY_PASSWORD);
    }

    private String sign(Map<String, Object> statement, String personaId) throws Exception {
        return sign((String) statement.get("dataToSign"), key(personaId, "sign"));
    }

    /** dataToSign is base64 of the exact bytes to sign: decode it, sign those bytes, send the CMS base64. */
    private static String sign(String dataToSign, Signer key) throws Exception {
        return Base64.getEncoder().encodeToString(key.sign(Base64.getDecoder().decode(dataToSign)));
    }
}
