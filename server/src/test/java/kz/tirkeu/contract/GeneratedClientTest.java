package kz.tirkeu.contract;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import kz.tirkeu.client.ApiClient;
import kz.tirkeu.client.ApiException;
import kz.tirkeu.client.api.ApplicationsApi;
import kz.tirkeu.client.api.BuyerStepsApi;
import kz.tirkeu.client.api.PoliceApi;
import kz.tirkeu.client.api.PscCollectionsApi;
import kz.tirkeu.client.api.SignInApi;
import kz.tirkeu.client.model.ApplicationView;
import kz.tirkeu.client.model.ChallengeResponse;
import kz.tirkeu.client.model.Choices;
import kz.tirkeu.client.model.Code;
import kz.tirkeu.client.model.CollectionView;
import kz.tirkeu.client.model.Consent;
import kz.tirkeu.client.model.Decision;
import kz.tirkeu.client.model.Invoice;
import kz.tirkeu.client.model.NewApplication;
import kz.tirkeu.client.model.SecondFactorRequested;
import kz.tirkeu.client.model.Signature;
import kz.tirkeu.client.model.SignedChallenge;
import kz.tirkeu.pki.cert.KzCertificate;
import kz.tirkeu.testing.ApplicationJourney;
import kz.tirkeu.testing.TirkeuClient;
import kz.tirkeu.testing.TirkeuServerTest;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A partner's integration, built only from the committed OpenAPI document: every call to the API goes through the
 * client openapi-generator made from docs/openapi.json (library native), from sign-in to S1, on to REGISTERED and the PSC's
 * order (P7). What
 * is not the API — the persons' keys and the signing NCALayer would do, the SMS centre, the payment page, the seeded
 * vehicle — is the sandbox's, reached as a tester would ({@link TirkeuClient}, {@link ApplicationJourney}).
 */
@TirkeuServerTest
class GeneratedClientTest {

    @LocalServerPort
    int port;

    @Test
    void theGeneratedClientDrivesAnApplicationFromS1ToRegistered() throws ApiException {
        TirkeuClient sandbox = new TirkeuClient(port);
        ApplicationJourney outside = new ApplicationJourney(sandbox);
        String buyerIin = outside.iinOf("buyer-aidar");
        String vin = outside.freshVehicle(buyerIin, 1).path("vin").asString();

        ApiClient seller = signedIn("dealer1-manager", sandbox);
        ApplicationsApi sellerApplications = new ApplicationsApi(seller);
        ApplicationView started = sellerApplications.applicationsStart(new NewApplication().vin(vin).buyerIin(buyerIin), key());
        assertThat(status(started)).isEqualTo("AWAITING_SELLER_SIGNATURE");
        String number = started.getNumber();

        String sellerStatement = sellerApplications.applicationsSellerStatement(number, "kk").getDataToSign();
        ApplicationView sellerSigned = sellerApplications.applicationsSellerSign(number,
                new Signature().language("kk").signature(sandbox.signBase64(sellerStatement, sandbox.key("dealer1-manager", "sign"))), key());
        assertThat(status(sellerSigned)).isEqualTo("AWAITING_BUYER_CONSENT");

        ApiClient buyer = signedIn("buyer-aidar", sandbox);
        ApplicationsApi buyerApplications = new ApplicationsApi(buyer);
        BuyerStepsApi buyerSteps = new BuyerStepsApi(buyer);
        assertThat(status(buyerApplications.applicationsConsent(number, new Consent().agree(true), key()))).isEqualTo("AWAITING_CHOICES");
        String plateType = buyerSteps.buyerStepsPlateTypes().getFirst();
        assertThat(status(buyerSteps.buyerStepsChoose(number, new Choices().pscCode("ALM-01").plateType(plateType), key())))
                .isEqualTo("AWAITING_PAYMENT");

        String invoiceKey = key();
        Invoice invoice = buyerSteps.buyerStepsInvoice(number, invoiceKey);
        assertThat(invoice.getPaymentPageUrl()).isNotBlank();
        assertThat(buyerSteps.buyerStepsInvoice(number, invoiceKey).getInvoiceId()).as("a retry with its key: the same invoice").isEqualTo(invoice.getInvoiceId());
        // The buyer pays on the gateway's page (the sandbox's); the gateway's callback moves the application on.
        assertThat(sandbox.post("/sandbox/payments/v1/invoices/" + invoice.getInvoiceId() + "/payment", Map.of("action", "pay"), null).status()).isLessThan(300);
        awaitStatus(() -> buyerApplications.applicationsGet(number), "AWAITING_BUYER_SIGNATURE");

        String buyerStatement = buyerSteps.buyerStepsBuyerStatement(number, "kk").getDataToSign();
        ApplicationView submitted = buyerSteps.buyerStepsBuyerSign(number,
                new Signature().language("kk").signature(sandbox.signBase64(buyerStatement, sandbox.key("buyer-aidar", "sign"))), key());
        assertThat(status(submitted)).isEqualTo("SUBMITTED");

        // S19: the region's officer takes the case and registers it (in tests the automatic decision does not run by itself).
        PoliceApi police = new PoliceApi(signedIn("staff-police-officer", sandbox));
        police.policeTakeOver(number, key());
        ApplicationView registered = police.policeDecide(number, new Decision().decision(Decision.DecisionEnum.REGISTER), key());
        assertThat(status(registered)).isEqualTo("REGISTERED");
        assertThat(status(buyerApplications.applicationsGet(number))).isEqualTo("REGISTERED");
        assertThat(registered.getRegistration()).isNotNull();

        // P7: the PSC the buyer chose expects the documents, ordered from the print centre and the plate maker. Waiting for the
        // orders also leaves no production work of this test running into the next one.
        PscCollectionsApi psc = new PscCollectionsApi(signedIn("staff-psc-operator", sandbox));
        CollectionView expected = org.awaitility.Awaitility.await("the PSC's collection of " + number + " ordered from production")
                .atMost(java.time.Duration.ofSeconds(20)).pollInterval(java.time.Duration.ofMillis(100)).until(() -> {
                    try {
                        return psc.pscCollectionsCollection("ALM-01", number);
                    } catch (ApiException notYet) {
                        assertThat(notYet.getCode()).as(notYet.getResponseBody()).isEqualTo(404);
                        return null;
                    }
                }, GeneratedClientTest::ordered);
        assertThat(expected.getPlateNumber()).isNotBlank();
    }

    private static boolean ordered(CollectionView view) {
        return view != null && !"AWAITING_SUBMISSION".equals(view.getCertificate().getStatus()) && !"AWAITING_SUBMISSION".equals(view.getPlates().getStatus());
    }

    /** The three sign-in steps over the generated client; the code is read from the sandbox SMS centre. */
    private ApiClient signedIn(String persona, TirkeuClient sandbox) throws ApiException {
        ApiClient anonymous = new ApiClient();
        anonymous.updateBaseUri("http://localhost:" + port);
        SignInApi signIn = new SignInApi(anonymous);
        var key = sandbox.key(persona, "auth");
        Instant before = Instant.now();
        ChallengeResponse challenge = signIn.signInChallenge();
        SecondFactorRequested pending = signIn.signInPresentSignature(new SignedChallenge().challengeId(challenge.getChallengeId())
                .signature(sandbox.signBase64(challenge.getDataToSign(), key)));
        String iin = KzCertificate.of(key.certificate()).iin().orElseThrow().value();
        String token = signIn.signInConfirm(pending.getSignInId(), new Code().code(sandbox.codeSentTo(sandbox.phoneOf(iin), before))).getAccessToken();

        ApiClient client = new ApiClient();
        client.updateBaseUri("http://localhost:" + port);
        client.setRequestInterceptor(request -> request.header("Authorization", "Bearer " + token));
        return client;
    }

    private static String key() {
        return UUID.randomUUID().toString();
    }

    private static String status(ApplicationView view) {
        return String.valueOf(view.getStatus());
    }

    private interface Call {
        ApplicationView get() throws ApiException;
    }

    private static void awaitStatus(Call call, String expected) throws ApiException {
        org.awaitility.Awaitility.await("status " + expected).atMost(java.time.Duration.ofSeconds(15)).pollInterval(java.time.Duration.ofMillis(50))
                .until(() -> status(call.get()), expected::equals);
    }
}
