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
 * A partner system's happy path through Tirkeu: the dealer's own system ({@code dealer1-dms}, the sandbox's registered
 * partner) gets its access token with its system key, subscribes to webhooks, and its user — the dealer's manager —
 * signs in through it, starts an application for a car of the sandbox and signs it (S1–S9); the buyer agrees, chooses
 * a public service centre and a plate type, pays and signs (S10–S18) in their own cabinet, over the API; the police
 * register the car (S19), and the partner learns every status change from its signed webhooks. Only the public HTTP API
 * and the sandbox's tester endpoints (key files, SMS codes, the payment page) are used.
 *
 * <pre>
 *   ./mvnw -q -pl examples/partner-client compile exec:java -Dexec.args=http://localhost:8080
 * </pre>
 *
 * In a real installation the people sign with NCALayer on their own computers and read the SMS on their own phones;
 * here the sandbox stands in for both (its personas' key files and its SMS centre).
 */
public final class PartnerClient {

    /** The sandbox's key files are protected with this password. */
    private static final char[] KEY_PASSWORD = "Qwerty12".toCharArray();
    private static final Pattern CODE = Pattern.compile("\\b(\\d{6})\\b");
    /** The partner system the sandbox registers at start-up; its key is the sandbox persona of the same name. */
    public static final String SANDBOX_PARTNER = "dealer1-dms";

    private final Api api;
    private final PrintStream out;

    public PartnerClient(Api api, PrintStream out) {
        this.api = api;
        this.out = out;
    }

    public static void main(String[] args) throws Exception {
        URI base = URI.create(args.length > 0 ? args[0] : "http://localhost:8080");
        Registered registered = new PartnerClient(new Api(base, "ru"), System.out).register(SANDBOX_PARTNER, "dealer1-manager", "buyer-aidar");
        System.out.println("Registered: application " + registered.number() + ", plate " + registered.plate() + ", certificate "
                + registered.certificate() + " (" + registered.verificationUrl() + ")");
        System.out.println("Webhooks received, in order: " + registered.statusesFromWebhooks());
    }

    /**
     * What S19 gave the car — the plate, the registration certificate and the page that verifies it — and the statuses
     * the partner's webhooks reported, in the order they came.
     */
    public record Registered(String number, String plate, String certificate, String verificationUrl, List<String> statusesFromWebhooks) {}

    public Registered register(String partnerId, String sellerPersona, String buyerPersona) throws Exception {
        try (PartnerSystem partner = new PartnerSystem(api, partnerId, key(partnerId, "auth"))) {
            partner.subscribe();
            out.println("The partner " + partnerId + " has its access token and a webhook on this machine");
            Map<String, Object> seller = persona(sellerPersona);
            Map<String, Object> buyerPersonaData = persona(buyerPersona);
            String buyerIin = (String) buyerPersonaData.get("iin");
            String vin = freshVehicle(buyerIin, (String) seller.get("bin"));
            out.println("A car of the sandbox, ready to register: VIN " + vin);

            // The dealer's manager signs in through the partner: their EDS and SMS code, the partner's confirmation.
            String sellerSession = partner.confirmSignIn(startSignIn(sellerPersona), smsCodeSinceLastSignIn(sellerPersona));
            Api.Caller dealer = Api.Caller.throughPartner(partner.token(), sellerSession);
            Map<String, Object> started = api.post("/api/v1/applications", Map.of("vin", vin, "buyerIin", buyerIin), dealer);
            String number = (String) started.get("number");
            out.println("S1–S8: application " + number + " is " + started.get("status"));
            expect(started, "AWAITING_SELLER_SIGNATURE");

            // S9: the exact bytes to sign come base64 in dataToSign, in the language asked for (named inside them).
            Map<String, Object> statement = api.get("/api/v1/applications/" + number + "/seller-statement?language=ru", dealer);
            Map<String, Object> signed = api.post("/api/v1/applications/" + number + "/seller-signature",
                    Map.of("signature", sign(statement, sellerPersona), "language", statement.get("language")), dealer);
            out.println("S9: the dealer signed; the application is " + signed.get("status"));
            expect(signed, "AWAITING_BUYER_CONSENT");

            // The buyer acts in their own cabinet (here over the API with their own sign-in).
            Api.Caller buyer = Api.Caller.person(signIn(buyerPersona));
            expect(api.post("/api/v1/applications/" + number + "/consent", Map.of("agree", true), buyer), "AWAITING_CHOICES");
            String centre = centreIssuingPlates("02", buyer);
            expect(api.post("/api/v1/applications/" + number + "/choices", Map.of("pscCode", centre, "plateType", "STANDARD_SINGLE_LINE"), buyer),
                    "AWAITING_PAYMENT");
            Map<String, Object> invoice = api.post("/api/v1/applications/" + number + "/invoice", null, buyer);
            out.println("S17: invoice " + invoice.get("invoiceId") + " for " + invoice.get("amountKzt") + " KZT; the buyer pays at "
                    + invoice.get("paymentPageUrl"));
            // The buyer pays on the gateway's page; the sandbox's gateway takes the same decision over its API.
            api.post("/sandbox/payments/v1/invoices/" + invoice.get("invoiceId") + "/payment", Map.of("action", "pay"), Api.Caller.NOBODY);
            awaitStatus(number, buyer, "AWAITING_BUYER_SIGNATURE", Duration.ofSeconds(30));

            Map<String, Object> buyerStatement = api.get("/api/v1/applications/" + number + "/buyer-statement?language=kk", buyer);
            Map<String, Object> submitted = api.post("/api/v1/applications/" + number + "/buyer-signature",
                    Map.of("signature", sign(buyerStatement, buyerPersona), "language", buyerStatement.get("language")), buyer);
            out.println("S18: the buyer signed; the application is " + submitted.get("status"));

            // The partner follows the application it started: it polls nothing, its webhooks say when S19 is done.
            List<String> statuses = awaitWebhook(partner, number, "REGISTERED", Duration.ofSeconds(60));
            out.println("S19: the partner's webhook says " + number + " is REGISTERED (" + statuses + ")");
            Map<String, Object> registered = api.get("/api/v1/applications/" + number, Api.Caller.throughPartner(partner.token(), sellerSession));
            return new Registered(number, Json.at(registered, "registration.plate"), Json.at(registered, "registration.certificate"),
                    Json.at(registered, "registration.verificationUrl"), statuses);
        }
    }

    /** The sign-in of a person on their own, with their EDS (AUTH key) and the SMS code sent to their МБГ number: a bearer token. */
    public String signIn(String personaId) throws Exception {
        String signInId = startSignIn(personaId);
        Map<String, Object> confirmed = api.post("/api/v1/auth/sign-ins/" + signInId + "/confirmation",
                Map.of("code", smsCodeSinceLastSignIn(personaId)), Api.Caller.NOBODY);
        return (String) confirmed.get("accessToken");
    }

    private final Map<String, Instant> signInsStarted = new java.util.HashMap<>();

    /** The person signs the platform's challenge with their AUTH key; the platform sends a code to their phone. */
    private String startSignIn(String personaId) throws Exception {
        Signer key = key(personaId, "auth");
        Map<String, Object> challenge = api.post("/api/v1/auth/challenges", null, Api.Caller.NOBODY);
        signInsStarted.put(personaId, Instant.now());
        Map<String, Object> started = api.post("/api/v1/auth/sign-ins",
                Map.of("challengeId", challenge.get("challengeId"), "signature", sign((String) challenge.get("dataToSign"), key)), Api.Caller.NOBODY);
        return (String) started.get("signInId");
    }

    private Map<String, Object> persona(String personaId) {
        return api.get("/sandbox/personas/" + personaId, Api.Caller.NOBODY);
    }

    private String freshVehicle(String buyerIin, String sellerBin) {
        return (String) api.post("/sandbox/seed/v1/ready-vehicles?buyerIin=" + buyerIin + "&sellerBin=" + sellerBin, null, Api.Caller.NOBODY).get("vin");
    }

    @SuppressWarnings("unchecked")
    private String centreIssuingPlates(String region, Api.Caller caller) {
        for (Object centre : (List<Object>) api.getAny("/api/v1/service-centres?region=" + region, caller)) {
            Map<String, Object> c = (Map<String, Object>) centre;
            if (Boolean.TRUE.equals(c.get("issuesPlates"))) {
                return (String) c.get("code");
            }
        }
        throw new IllegalStateException("no centre of region " + region + " issues plates");
    }

    /** The sandbox's SMS centre holds what it "sent": the newest code to the person's МБГ number since their sign-in began. */
    @SuppressWarnings("unchecked")
    private String smsCodeSinceLastSignIn(String personaId) throws InterruptedException {
        Instant since = signInsStarted.get(personaId);
        String phone = (String) api.get("/sandbox/mbg/v1/subscribers/" + persona(personaId).get("iin"), Api.Caller.NOBODY).get("phone");
        Instant deadline = Instant.now().plusSeconds(15);
        while (Instant.now().isBefore(deadline)) {
            Object messages = api.getAny("/sandbox/sms/v1/messages?to=" + URLEncoder.encode(phone, StandardCharsets.UTF_8), Api.Caller.NOBODY);
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

    private Map<String, Object> awaitStatus(String number, Api.Caller caller, String status, Duration patience) throws InterruptedException {
        Instant deadline = Instant.now().plus(patience);
        while (true) {
            Map<String, Object> application = api.get("/api/v1/applications/" + number, caller);
            if (status.equals(application.get("status")) || Instant.now().isAfter(deadline)) {
                return expect(application, status);
            }
            Thread.sleep(200);
        }
    }

    /** The statuses the webhooks reported for the application, in the order they came, once the awaited one is among them. */
    private static List<String> awaitWebhook(PartnerSystem partner, String number, String status, Duration patience) throws InterruptedException {
        Instant deadline = Instant.now().plus(patience);
        while (true) {
            List<String> statuses = partner.deliveries().stream().filter(d -> number.equals(d.event().get("applicationNumber")))
                    .map(d -> String.valueOf(d.event().get("status"))).toList();
            if (statuses.contains(status)) {
                return statuses;
            }
            if (Instant.now().isAfter(deadline)) {
                throw new IllegalStateException("no webhook said " + number + " is " + status + "; received " + statuses);
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
