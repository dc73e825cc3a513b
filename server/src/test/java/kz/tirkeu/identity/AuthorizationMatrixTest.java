package kz.tirkeu.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpRequest;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import kz.tirkeu.identity.web.AccessPolicy;
import kz.tirkeu.identity.web.AccessPolicy.Policy;
import kz.tirkeu.pki.cert.KzCertificate;
import kz.tirkeu.testing.TirkeuClient;
import kz.tirkeu.testing.TirkeuClient.Reply;
import kz.tirkeu.testing.TirkeuServerTest;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * Every endpoint × every role: allowed or refused, as this table says. An endpoint that is not in
 * the table fails the test, so a new endpoint cannot ship without someone deciding who may call it.
 */
@TirkeuServerTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AuthorizationMatrixTest {

    private static final Set<Role> STAFF_AND_ADMIN = EnumSet.of(Role.PSC_OPERATOR, Role.POLICE_OFFICER, Role.AUDITOR, Role.REGIME_AUTHORITY, Role.ADMIN);

    /** Who may call what. PUBLIC: anyone, no session. ANY: anyone signed in. Otherwise the roles. */
    private static final Map<String, Object> MATRIX = new TreeMap<>(Map.ofEntries(
            Map.entry("POST /api/v1/auth/challenges", "PUBLIC"),
            Map.entry("POST /api/v1/auth/sign-ins", "PUBLIC"),
            Map.entry("POST /api/v1/auth/sign-ins/{signInId}/confirmation", "PUBLIC"),
            Map.entry("GET /signin", "PUBLIC"),
            Map.entry("POST /signin", "PUBLIC"),
            Map.entry("GET /signin/code", "PUBLIC"),
            Map.entry("POST /signin/code", "PUBLIC"),
            Map.entry("POST /api/v1/notifications/sms-receipts", "PUBLIC"),
            Map.entry("GET /api/v1/me", "ANY"),
            Map.entry("GET /", "PUBLIC"),
            Map.entry("GET /language", "PUBLIC"),
            Map.entry("POST /language", "PUBLIC"),
            Map.entry("GET /notices", "ANY"),
            Map.entry("GET /notices/{noticeId}", "ANY"),
            Map.entry("GET /seller/applications", EnumSet.of(Role.SELLER)),
            Map.entry("GET /seller/applications/new", EnumSet.of(Role.SELLER)),
            Map.entry("POST /seller/applications", EnumSet.of(Role.SELLER)),
            Map.entry("GET /seller/applications/{number}", EnumSet.of(Role.SELLER)),
            Map.entry("GET /seller/applications/{number}/progress", EnumSet.of(Role.SELLER)),
            Map.entry("POST /seller/applications/{number}/buyer-iin", EnumSet.of(Role.SELLER)),
            Map.entry("POST /seller/applications/{number}/restart", EnumSet.of(Role.SELLER)),
            Map.entry("POST /seller/applications/{number}/signature", EnumSet.of(Role.SELLER)),
            Map.entry("GET /buyer/applications", EnumSet.of(Role.BUYER)),
            Map.entry("GET /buyer/applications/{number}", EnumSet.of(Role.BUYER)),
            Map.entry("GET /buyer/applications/{number}/progress", EnumSet.of(Role.BUYER)),
            Map.entry("POST /buyer/applications/{number}/consent", EnumSet.of(Role.BUYER)),
            Map.entry("POST /buyer/applications/{number}/choices", EnumSet.of(Role.BUYER)),
            Map.entry("POST /buyer/applications/{number}/phone", EnumSet.of(Role.BUYER)),
            Map.entry("POST /buyer/applications/{number}/phone/confirmation", EnumSet.of(Role.BUYER)),
            Map.entry("POST /buyer/applications/{number}/invoice", EnumSet.of(Role.BUYER)),
            Map.entry("POST /buyer/applications/{number}/signature", EnumSet.of(Role.BUYER)),
            Map.entry("POST /seller/applications/{number}/review-request", EnumSet.of(Role.SELLER)),
            Map.entry("POST /buyer/applications/{number}/review-request", EnumSet.of(Role.BUYER)),
            Map.entry("GET /police/cases", EnumSet.of(Role.POLICE_OFFICER)),
            Map.entry("GET /police/cases/{number}", EnumSet.of(Role.POLICE_OFFICER)),
            Map.entry("GET /police/cases/{number}/news", EnumSet.of(Role.POLICE_OFFICER)),
            Map.entry("POST /police/cases/{number}/assignment", EnumSet.of(Role.POLICE_OFFICER)),
            Map.entry("POST /police/cases/{number}/release", EnumSet.of(Role.POLICE_OFFICER)),
            Map.entry("POST /police/cases/{number}/decision", EnumSet.of(Role.POLICE_OFFICER)),
            Map.entry("POST /police/cases/{number}/review", EnumSet.of(Role.POLICE_OFFICER)),
            Map.entry("GET /police/register", EnumSet.of(Role.POLICE_OFFICER, Role.AUDITOR)),
            Map.entry("GET /police/register/vehicles/{vin}", EnumSet.of(Role.POLICE_OFFICER, Role.AUDITOR)),
            Map.entry("GET /admin/staff", EnumSet.of(Role.ADMIN, Role.AUDITOR)),
            Map.entry("POST /admin/staff", EnumSet.of(Role.ADMIN)),
            Map.entry("POST /admin/staff/{grantId}/withdrawal", EnumSet.of(Role.ADMIN)),
            Map.entry("GET /admin/service-centres", EnumSet.of(Role.ADMIN)),
            Map.entry("GET /admin/configuration", EnumSet.of(Role.ADMIN, Role.AUDITOR)),
            Map.entry("GET /buyer/payments/{invoiceId}", EnumSet.of(Role.BUYER)),
            Map.entry("GET /cabinet", "ANY"),
            Map.entry("GET /api/v1/notices", "ANY"),
            Map.entry("POST /api/v1/notices/{noticeId}/read", "ANY"),
            Map.entry("GET /api/v1/me/notification-preferences", "ANY"),
            Map.entry("PUT /api/v1/me/notification-preferences", "ANY"),
            Map.entry("DELETE /api/v1/me/notification-preferences/email", "ANY"),
            Map.entry("GET /api/v1/process-definition", "PUBLIC"),
            Map.entry("GET /api/v1/service-centres", "PUBLIC"),
            Map.entry("POST /api/v1/applications", EnumSet.of(Role.SELLER)),
            Map.entry("GET /api/v1/applications", EnumSet.of(Role.SELLER, Role.BUYER)),
            Map.entry("GET /api/v1/applications/{number}", EnumSet.of(Role.SELLER, Role.BUYER)),
            Map.entry("PUT /api/v1/applications/{number}/buyer-iin", EnumSet.of(Role.SELLER)),
            Map.entry("GET /api/v1/applications/{number}/seller-statement", EnumSet.of(Role.SELLER)),
            Map.entry("POST /api/v1/applications/{number}/seller-signature", EnumSet.of(Role.SELLER)),
            Map.entry("POST /api/v1/applications/{number}/consent", EnumSet.of(Role.BUYER)),
            Map.entry("POST /api/v1/applications/{number}/restart", EnumSet.of(Role.SELLER)),
            Map.entry("GET /api/v1/plate-types", "ANY"),
            Map.entry("POST /api/v1/applications/{number}/choices", EnumSet.of(Role.BUYER)),
            Map.entry("POST /api/v1/applications/{number}/phone", EnumSet.of(Role.BUYER)),
            Map.entry("POST /api/v1/applications/{number}/phone/confirmation", EnumSet.of(Role.BUYER)),
            Map.entry("POST /api/v1/applications/{number}/invoice", EnumSet.of(Role.BUYER)),
            Map.entry("GET /api/v1/applications/{number}/buyer-statement", EnumSet.of(Role.BUYER)),
            Map.entry("POST /api/v1/applications/{number}/buyer-signature", EnumSet.of(Role.BUYER)),
            Map.entry("POST /api/v1/payments/callbacks", "PUBLIC"),
            Map.entry("POST /api/v1/applications/{number}/review-requests", EnumSet.of(Role.SELLER, Role.BUYER)),
            Map.entry("GET /api/v1/police/cases", EnumSet.of(Role.POLICE_OFFICER)),
            Map.entry("GET /api/v1/police/cases/{number}", EnumSet.of(Role.POLICE_OFFICER)),
            Map.entry("POST /api/v1/police/cases/{number}/assignment", EnumSet.of(Role.POLICE_OFFICER)),
            Map.entry("DELETE /api/v1/police/cases/{number}/assignment", EnumSet.of(Role.POLICE_OFFICER)),
            Map.entry("POST /api/v1/police/cases/{number}/decision", EnumSet.of(Role.POLICE_OFFICER)),
            Map.entry("POST /api/v1/police/cases/{number}/review", EnumSet.of(Role.POLICE_OFFICER)),
            Map.entry("GET /api/v1/register/vehicles", EnumSet.of(Role.POLICE_OFFICER, Role.AUDITOR)),
            Map.entry("GET /api/v1/register/vehicles/{vin}", EnumSet.of(Role.POLICE_OFFICER, Role.AUDITOR)),
            Map.entry("POST /api/v1/me/totp", STAFF_AND_ADMIN),
            Map.entry("POST /api/v1/me/totp/confirmation", STAFF_AND_ADMIN),
            Map.entry("DELETE /api/v1/me/totp", STAFF_AND_ADMIN),
            Map.entry("GET /api/v1/admin/role-grants", EnumSet.of(Role.ADMIN, Role.AUDITOR)),
            Map.entry("POST /api/v1/admin/role-grants", EnumSet.of(Role.ADMIN)),
            Map.entry("POST /api/v1/admin/role-grants/{grantId}/withdrawal", EnumSet.of(Role.ADMIN)),
            Map.entry("GET /api/v1/organisations/{bin}/seller-rules", EnumSet.of(Role.SELLER)),
            Map.entry("PUT /api/v1/organisations/{bin}/seller-rules", EnumSet.of(Role.SELLER)),
            Map.entry("POST /api/v1/organisations/{bin}/seller-rules/sellers", EnumSet.of(Role.SELLER)),
            Map.entry("DELETE /api/v1/organisations/{bin}/seller-rules/sellers/{iin}", EnumSet.of(Role.SELLER)),
            Map.entry("GET /api/v1/psc/{pscCode}/collections", EnumSet.of(Role.PSC_OPERATOR)),
            Map.entry("GET /api/v1/psc/{pscCode}/collections/{applicationNumber}", EnumSet.of(Role.PSC_OPERATOR)),
            Map.entry("POST /api/v1/psc/{pscCode}/reception", EnumSet.of(Role.PSC_OPERATOR)),
            Map.entry("POST /api/v1/psc/{pscCode}/collections/{applicationNumber}/handover", EnumSet.of(Role.PSC_OPERATOR)),
            Map.entry("POST /api/v1/auth/sign-out", "ANY"),
            Map.entry("POST /api/v1/auth/sign-out-everywhere", "ANY"),
            Map.entry("POST /signout", "ANY"),
            Map.entry("POST /signout/everywhere", "ANY"),
            Map.entry("GET /verify", "PUBLIC"),
            Map.entry("GET /verify/{code}", "PUBLIC"),
            Map.entry("POST /verify", "PUBLIC"),
            Map.entry("GET /api/v1/verify/{code}", "PUBLIC"),
            Map.entry("GET /api/v1/me/certificates", EnumSet.of(Role.BUYER)),
            Map.entry("GET /api/v1/certificates/{number}/document", EnumSet.of(Role.BUYER)),
            Map.entry("GET /api/v1/certificates/{number}/pdf", EnumSet.of(Role.BUYER)),
            Map.entry("GET /psc", EnumSet.of(Role.PSC_OPERATOR)),
            Map.entry("GET /psc/{pscCode}/collections", EnumSet.of(Role.PSC_OPERATOR)),
            Map.entry("GET /psc/{pscCode}/issuance", EnumSet.of(Role.PSC_OPERATOR)),
            Map.entry("GET /psc/{pscCode}/reception", EnumSet.of(Role.PSC_OPERATOR)),
            Map.entry("POST /psc/{pscCode}/reception", EnumSet.of(Role.PSC_OPERATOR)),
            Map.entry("GET /psc/{pscCode}/reception/{applicationNumber}", EnumSet.of(Role.PSC_OPERATOR)),
            Map.entry("GET /psc/{pscCode}/collections/{applicationNumber}", EnumSet.of(Role.PSC_OPERATOR)),
            Map.entry("POST /psc/{pscCode}/collections/{applicationNumber}/handover", EnumSet.of(Role.PSC_OPERATOR)),
            // The experimental legal regime: its register is public (Art. 56); its decisions are the authorised body's.
            Map.entry("GET /api/v1/regimes", "PUBLIC"),
            Map.entry("GET /api/v1/regimes/{code}", "PUBLIC"),
            Map.entry("GET /api/v1/regimes/{code}/decisions/{seq}/content", EnumSet.of(Role.REGIME_AUTHORITY, Role.AUDITOR)),
            Map.entry("GET /api/v1/regimes/{code}/decisions/{seq}/signature", EnumSet.of(Role.REGIME_AUTHORITY, Role.AUDITOR)),
            Map.entry("POST /api/v1/regimes/{code}/decisions/to-sign", EnumSet.of(Role.REGIME_AUTHORITY)),
            Map.entry("POST /api/v1/regimes/{code}/decisions", EnumSet.of(Role.REGIME_AUTHORITY)),
            Map.entry("GET /api/v1/regimes/{code}/results", "PUBLIC"),
            Map.entry("GET /api/v1/regimes.csv", "PUBLIC"),
            Map.entry("GET /seller/regime-reports", EnumSet.of(Role.SELLER)),
            Map.entry("POST /seller/regime-reports/to-sign", EnumSet.of(Role.SELLER)),
            Map.entry("POST /seller/regime-reports", EnumSet.of(Role.SELLER)),
            Map.entry("GET /authority/regimes", EnumSet.of(Role.REGIME_AUTHORITY, Role.AUDITOR)),
            Map.entry("GET /authority/regimes/{code}", EnumSet.of(Role.REGIME_AUTHORITY, Role.AUDITOR)),
            Map.entry("POST /authority/regimes/{code}/decisions/to-sign", EnumSet.of(Role.REGIME_AUTHORITY)),
            Map.entry("POST /authority/regimes/{code}/decisions", EnumSet.of(Role.REGIME_AUTHORITY)),
            Map.entry("POST /authority/regimes/{code}/evaluations", EnumSet.of(Role.REGIME_AUTHORITY)),
            Map.entry("POST /api/v1/regimes/{code}/evaluations", EnumSet.of(Role.REGIME_AUTHORITY)),
            Map.entry("GET /api/v1/regimes/{code}/evaluations", EnumSet.of(Role.REGIME_AUTHORITY, Role.AUDITOR)),
            Map.entry("GET /api/v1/regimes/{code}/evaluations/{number}", EnumSet.of(Role.REGIME_AUTHORITY, Role.AUDITOR)),
            Map.entry("GET /api/v1/regimes/{code}/evaluations/{number}/sealed", EnumSet.of(Role.REGIME_AUTHORITY, Role.AUDITOR)),
            Map.entry("GET /api/v1/regimes/{code}/evaluations/{number}/pdf", EnumSet.of(Role.REGIME_AUTHORITY, Role.AUDITOR)),
            Map.entry("GET /api/v1/regimes/{code}/evaluations/{number}/csv", EnumSet.of(Role.REGIME_AUTHORITY, Role.AUDITOR)),
            Map.entry("POST /api/v1/regimes/{code}/dealer-reports/to-sign", EnumSet.of(Role.SELLER)),
            Map.entry("POST /api/v1/regimes/{code}/dealer-reports", EnumSet.of(Role.SELLER)),
            Map.entry("GET /api/v1/regimes/{code}/dealer-reports", EnumSet.of(Role.SELLER, Role.REGIME_AUTHORITY, Role.AUDITOR)),
            Map.entry("GET /api/v1/regimes/{code}/dealer-reports/{reportId}/content", EnumSet.of(Role.REGIME_AUTHORITY, Role.AUDITOR)),
            Map.entry("GET /api/v1/regimes/{code}/dealer-reports/{reportId}/signature", EnumSet.of(Role.REGIME_AUTHORITY, Role.AUDITOR)),
            Map.entry("GET /regimes", "PUBLIC"),
            Map.entry("GET /regimes/{code}", "PUBLIC"),
            Map.entry("GET /regimes/{code}/versions/{version}", "PUBLIC"),
            Map.entry("GET /api/v1/regimes/{code}/results.csv", "PUBLIC"),
            Map.entry("GET /api/v1/regimes/{code}/indicators", EnumSet.of(Role.REGIME_AUTHORITY, Role.AUDITOR)),
            // Partner systems (issue [11]): their own endpoints authenticate the partner's access token themselves.
            Map.entry("POST /api/v1/partner/token", "PUBLIC"),
            Map.entry("POST /api/v1/partner/sign-ins/{signInId}/confirmation", "PUBLIC"),
            Map.entry("POST /api/v1/partner/webhooks", "PUBLIC"),
            Map.entry("GET /api/v1/partner/webhooks", "PUBLIC"),
            Map.entry("DELETE /api/v1/partner/webhooks/{webhookId}", "PUBLIC"),
            Map.entry("GET /api/v1/partner/webhooks/deliveries", "PUBLIC"),
            Map.entry("POST /api/v1/partner/webhooks/events/{eventId}/replay", "PUBLIC"),
            Map.entry("GET /api/v1/admin/partners", EnumSet.of(Role.ADMIN, Role.AUDITOR)),
            Map.entry("POST /api/v1/admin/partners", EnumSet.of(Role.ADMIN)),
            Map.entry("POST /api/v1/admin/partners/{clientId}/disabling", EnumSet.of(Role.ADMIN)),
            Map.entry("GET /api/v1/admin/partners/{clientId}/calls", EnumSet.of(Role.ADMIN, Role.AUDITOR))));

    /** The personas that sign in for each role; staff sign in with their own individual keys, so they are buyers too. */
    private static final Map<String, Set<Role>> CALLERS = new LinkedHashMap<>();

    static {
        CALLERS.put("buyer-aidar", EnumSet.of(Role.BUYER));
        CALLERS.put("dealer1-manager", EnumSet.of(Role.SELLER));
        CALLERS.put("staff-psc-operator", EnumSet.of(Role.BUYER, Role.PSC_OPERATOR));
        CALLERS.put("staff-police-officer", EnumSet.of(Role.BUYER, Role.POLICE_OFFICER));
        CALLERS.put("staff-auditor", EnumSet.of(Role.BUYER, Role.AUDITOR));
        CALLERS.put("staff-admin", EnumSet.of(Role.BUYER, Role.ADMIN));
        CALLERS.put("staff-regime-official", EnumSet.of(Role.BUYER, Role.REGIME_AUTHORITY));
    }

    @LocalServerPort
    int port;

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mappings;

    TirkeuClient client;
    Map<String, String> tokens = new LinkedHashMap<>();
    String dealerBin;

    @BeforeAll
    void signInEveryRole() {
        client = new TirkeuClient(port);
        CALLERS.keySet().forEach(persona -> tokens.put(persona, client.signIn(persona)));
        dealerBin = KzCertificate.of(client.key("dealer1-manager", "auth").certificate()).bin().orElseThrow().value();
    }

    private Map<String, Policy> endpoints() {
        Map<String, Policy> found = new TreeMap<>();
        for (Map.Entry<RequestMappingInfo, HandlerMethod> entry : mappings.getHandlerMethods().entrySet()) {
            if (!entry.getValue().getBeanType().getPackageName().startsWith("kz.tirkeu")) {
                continue;
            }
            for (String path : entry.getKey().getPatternValues()) {
                for (var method : entry.getKey().getMethodsCondition().getMethods()) {
                    found.put(method + " " + path, AccessPolicy.policyOf(entry.getValue()));
                }
            }
        }
        return found;
    }

    @Test
    void everyEndpointIsInTheMatrixAndDeclaresThePolicyTheMatrixSays() {
        Map<String, Policy> endpoints = endpoints();

        assertThat(endpoints.keySet()).as("endpoints not in the matrix, or matrix rows without an endpoint")
                .containsExactlyInAnyOrderElementsOf(MATRIX.keySet());
        endpoints.forEach((endpoint, policy) -> {
            Object expected = MATRIX.get(endpoint);
            Policy expectedPolicy = "PUBLIC".equals(expected) ? Policy.PUBLIC : "ANY".equals(expected) ? Policy.ANY_SIGNED_IN : Policy.ROLES;
            assertThat(policy).as(endpoint).isEqualTo(expectedPolicy).isNotEqualTo(Policy.NONE);
        });
    }

    @Test
    void everyRoleIsAllowedOrRefusedAsTheMatrixSays() {
        List<String> mismatches = new ArrayList<>();
        List<Map.Entry<String, Object>> rows = new ArrayList<>(MATRIX.entrySet());
        // Ending one's own session goes last: after it, the caller's token no longer works.
        rows.sort(java.util.Comparator.comparing(row -> row.getKey().contains("sign-out") || row.getKey().contains("signout")));
        for (Map.Entry<String, Object> row : rows) {
            String endpoint = row.getKey();
            Reply anonymous = call(endpoint, null);
            // Pages answer an anonymous browser with the way to sign in; page forms are refused even earlier, by CSRF.
            boolean anonymousRefused = anonymous.status() == 401 || "CSRF_TOKEN_INVALID".equals(anonymous.code())
                    || (anonymous.status() == 302 && anonymous.raw().headers().firstValue("Location").orElse("").endsWith("/signin"));
            if (!"PUBLIC".equals(row.getValue()) && !anonymousRefused) {
                mismatches.add(endpoint + " as anonymous: expected 401, got " + anonymous.status());
            }
            for (Map.Entry<String, Set<Role>> caller : CALLERS.entrySet()) {
                boolean allowed = switch (row.getValue()) {
                    case String s -> true;
                    case Set<?> roles -> caller.getValue().stream().anyMatch(roles::contains);
                    default -> throw new IllegalStateException();
                };
                boolean endsSession = endpoint.contains("sign-out") || endpoint.contains("signout");
                // Each sign-out ends the caller's session, so each gets a session of its own.
                Reply reply = call(endpoint, endsSession ? client.signIn(caller.getKey()) : tokens.get(caller.getKey()));
                // Refused by the access policy; an endpoint may still say no for its own reasons (a bad receipt signature, another organisation's BIN).
                boolean refused = "NOT_ALLOWED".equals(reply.code()) || "NOT_SIGNED_IN".equals(reply.code());
                if (allowed == refused) {
                    mismatches.add(endpoint + " as " + caller.getKey() + ": expected " + (allowed ? "allowed" : "refused")
                            + ", got " + reply.status() + " " + reply.code());
                }
            }
        }
        assertThat(mismatches).isEmpty();
    }

    private Reply call(String endpoint, String token) {
        String method = endpoint.substring(0, endpoint.indexOf(' '));
        String path = endpoint.substring(endpoint.indexOf(' ') + 1)
                .replace("{bin}", dealerBin)
                .replace("{iin}", "900314300607")
                .replace("{number}", "A-2026-999999")
                .replace("{vin}", "XTA21099012345678")
                .replace("{code}", "AAAAAAAAAAAAAAAAAAAAAA")
                .replace("{applicationNumber}", "A-2026-999999")
                .replace("{pscCode}", "ALM-01")
                .replace("{seq}", "1")
                .replace("{version}", "1")
                .replaceAll("\\{[a-zA-Z]+Id}", UUID.randomUUID().toString());
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(client.base() + path))
                .header("Content-Type", "application/json")
                .method(method, method.equals("GET") ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString("{}"));
        return client.send(request, token);
    }
}
