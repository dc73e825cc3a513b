package kz.tirkeu.notification;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.client.RestTestClient;

import kz.tirkeu.pki.identity.Iin;
import kz.tirkeu.statesystems.PhoneNumber;

/** The SMS centre's delivery receipts, posted over real HTTP to /api/v1/notifications/sms-receipts. */
class SmsReceiptTest extends NotificationTestSupport {

    @LocalServerPort
    int port;

    @Autowired
    RestTestClient http;

    private record Sent(NoticeId notice, FakeSmsCentre.Message message) {}

    private Sent anSmsSent() {
        Iin buyer = newPerson();
        PhoneNumber phone = newPhone();
        mbg.register(buyer, phone);
        NoticeId notice = notifyAwaitingConsent(buyer, newApplicationNumber());
        dispatchUntilIdle();
        assertThat(delivery(notice, Channel.SMS).status()).isEqualTo(DeliveryStatus.SENT);
        return new Sent(notice, SMS_CENTRE.messagesTo(phone.e164()).getFirst());
    }

    @Test
    void aSignedReceiptMarksTheSmsDelivered() {
        Sent sent = anSmsSent();

        HttpResponse<String> answer = SMS_CENTRE.sendReceipt(sent.message(), "DELIVERED");

        assertThat(answer.statusCode()).isEqualTo(200);
        assertThat(answer.body()).contains("\"changed\":true");
        DeliveryTracking.Delivery sms = delivery(sent.notice(), Channel.SMS);
        assertThat(sms.status()).isEqualTo(DeliveryStatus.DELIVERED);
        assertThat(tracking.history(sms.id()).getLast()).satisfies(event -> {
            assertThat(event.from()).contains(DeliveryStatus.SENT);
            assertThat(event.to()).isEqualTo(DeliveryStatus.DELIVERED);
            assertThat(event.detail()).contains(sent.message().messageId());
        });
        assertThat(jdbc.sql("SELECT delivered_at FROM deliveries WHERE id = :id").param("id", sms.id().value())
                .query((row, n) -> NotificationClock.instant(row, "delivered_at")).single())
                .isEqualTo(Instant.parse("2026-03-01T10:15:30Z"));
    }

    @Test
    void theSameReceiptTwiceChangesNothingTheSecondTime() {
        Sent sent = anSmsSent();
        SMS_CENTRE.sendReceipt(sent.message(), "DELIVERED");
        DeliveryTracking.Delivery once = delivery(sent.notice(), Channel.SMS);
        int historyOnce = tracking.history(once.id()).size();

        HttpResponse<String> again = SMS_CENTRE.sendReceipt(sent.message(), "DELIVERED");

        assertThat(again.statusCode()).isEqualTo(200);
        assertThat(again.body()).contains("\"changed\":false").contains("DELIVERED");
        assertThat(delivery(sent.notice(), Channel.SMS)).isEqualTo(once);
        assertThat(tracking.history(once.id())).hasSize(historyOnce);
    }

    @Test
    void aFailedReceiptMarksTheSmsFailedAndALaterDeliveredOneCannotUndoIt() {
        Sent sent = anSmsSent();

        SMS_CENTRE.sendReceipt(sent.message(), "FAILED");
        HttpResponse<String> late = SMS_CENTRE.sendReceipt(sent.message(), "DELIVERED");

        DeliveryTracking.Delivery sms = delivery(sent.notice(), Channel.SMS);
        assertThat(sms.status()).isEqualTo(DeliveryStatus.FAILED);
        assertThat(sms.lastError()).get().asString().contains("subscriber unreachable");
        assertThat(late.body()).contains("\"changed\":false");
    }

    @Test
    void aReceiptWithABadSignatureIsRefusedWith401AndChangesNothing() {
        Sent sent = anSmsSent();
        byte[] body = SMS_CENTRE.receiptBody(sent.message(), "DELIVERED");

        http.post().uri("/api/v1/notifications/sms-receipts")
                .contentType(MediaType.APPLICATION_JSON)
                .header("X-Sms-Signature", "sha256=" + "00".repeat(32))
                .body(body)
                .exchange()
                .expectStatus().isUnauthorized()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.status").isEqualTo(401)
                .jsonPath("$.title").isEqualTo("Bad signature");

        assertThat(delivery(sent.notice(), Channel.SMS).status()).isEqualTo(DeliveryStatus.SENT);
    }

    @Test
    void aReceiptWithoutSignatureOrSignedWithAnotherSecretOrAlteredAfterSigningIsRefused() {
        Sent sent = anSmsSent();
        URI callback = sent.message().callbackUrl();
        byte[] body = SMS_CENTRE.receiptBody(sent.message(), "DELIVERED");
        byte[] altered = new String(body, StandardCharsets.UTF_8).replace("DELIVERED", "FAILED").getBytes(StandardCharsets.UTF_8);

        assertThat(SMS_CENTRE.postReceipt(callback, body, null).statusCode()).isEqualTo(401);
        assertThat(SMS_CENTRE.postReceipt(callback, body, "sha256=not-hex").statusCode()).isEqualTo(401);
        try (FakeSmsCentre impostor = FakeSmsCentre.start("another-secret")) {
            assertThat(SMS_CENTRE.postReceipt(callback, body, impostor.sign(body)).statusCode()).isEqualTo(401);
        }
        assertThat(SMS_CENTRE.postReceipt(callback, altered, SMS_CENTRE.sign(body)).statusCode()).isEqualTo(401);

        assertThat(delivery(sent.notice(), Channel.SMS).status()).isEqualTo(DeliveryStatus.SENT);
    }

    @Test
    void aReceiptThatOvertakesOurRecordOfSendingStillCountsAndStopsAResend() {
        Iin buyer = newPerson();
        PhoneNumber phone = newPhone();
        mbg.register(buyer, phone);
        NoticeId notice = notifyAwaitingConsent(buyer, newApplicationNumber());
        DeliveryTracking.Delivery pending = delivery(notice, Channel.SMS);
        FakeSmsCentre.Message earlier = new FakeSmsCentre.Message("fake-earlier", phone.e164(), "…",
                pending.id().value().toString(), URI.create("http://localhost:" + port + "/api/v1/notifications/sms-receipts"), 202);

        assertThat(SMS_CENTRE.sendReceipt(earlier, "DELIVERED").statusCode()).isEqualTo(200);
        dispatchUntilIdle();

        DeliveryTracking.Delivery sms = delivery(notice, Channel.SMS);
        assertThat(sms.status()).isEqualTo(DeliveryStatus.DELIVERED);
        assertThat(tracking.history(sms.id())).extracting(DeliveryTracking.Event::to)
                .containsExactly(DeliveryStatus.CREATED, DeliveryStatus.SENT, DeliveryStatus.DELIVERED);
        assertThat(SMS_CENTRE.messagesTo(phone.e164())).as("no second SMS").isEmpty();
    }

    @Test
    void aReceiptForAnUnknownDeliveryIsNotFound() {
        FakeSmsCentre.Message stranger = new FakeSmsCentre.Message("fake-x", "+77010000000", "…", UUID.randomUUID().toString(),
                URI.create("http://localhost:" + port + "/api/v1/notifications/sms-receipts"), 202);

        HttpResponse<String> answer = SMS_CENTRE.sendReceipt(stranger, "DELIVERED");

        assertThat(answer.statusCode()).isEqualTo(404);
        assertThat(answer.headers().firstValue("Content-Type")).get().asString().startsWith("application/problem+json");
    }

    @Test
    void aSignedBodyThatIsNotAReceiptIsABadRequest() {
        byte[] body = "{\"reference\":\"not-a-uuid\",\"status\":\"DELIVERED\"}".getBytes(StandardCharsets.UTF_8);

        HttpResponse<String> answer = SMS_CENTRE.postReceipt(
                URI.create("http://localhost:" + port + "/api/v1/notifications/sms-receipts"), body, SMS_CENTRE.sign(body));

        assertThat(answer.statusCode()).isEqualTo(400);
    }

    @Test
    void anOversizedReceiptIsRefusedBeforeItsSignatureIsEvenComputed() {
        byte[] body = ("{\"pad\":\"" + "x".repeat(20_000) + "\"}").getBytes(StandardCharsets.UTF_8);

        HttpResponse<String> answer = SMS_CENTRE.postReceipt(
                URI.create("http://localhost:" + port + "/api/v1/notifications/sms-receipts"), body, SMS_CENTRE.sign(body));

        assertThat(answer.statusCode()).isEqualTo(413);
    }
}
