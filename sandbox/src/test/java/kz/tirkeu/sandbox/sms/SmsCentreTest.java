package kz.tirkeu.sandbox.sms;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import kz.tirkeu.sandbox.CallbackReceiver;
import kz.tirkeu.sandbox.mobile.MobileNumber;
import org.junit.jupiter.api.Test;

/** The SMS centre's own bookkeeping, with short delays so that giving up does not take seconds. */
class SmsCentreTest {

    private static final MobileNumber NUMBER = new MobileNumber("+77071234567");

    private static SmsCentre centre(int retained) {
        return new SmsCentre(new SmsCentre.Settings("secret", Set.of(), retained, Duration.ZERO, Duration.ofMillis(5),
                List.of(Duration.ofMillis(10), Duration.ofMillis(20))), Clock.systemUTC());
    }

    @Test
    void givesUpOnACallbackThatKeepsFailingAfterItsRetries() throws Exception {
        try (SmsCentre centre = centre(10); CallbackReceiver receiver = new CallbackReceiver(List.of(500, 500, 500, 500))) {
            SmsMessage message = centre.accept(NUMBER, "code", Optional.of("r"), Optional.of(receiver.url()));

            receiver.next();
            receiver.next();
            receiver.next();

            await().atMost(Duration.ofSeconds(2)).untilAsserted(() -> {
                SmsMessage.Receipt receipt = centre.find(message.id()).orElseThrow().receipt();
                assertThat(receipt.state()).isEqualTo(SmsMessage.ReceiptState.GAVE_UP);
                assertThat(receipt.attempts()).isEqualTo(3);
                assertThat(receipt.lastError()).contains("HTTP 500");
            });
            assertThat(centre.find(message.id()).orElseThrow().status()).as("the SMS itself was delivered").isEqualTo(SmsMessage.Status.DELIVERED);
        }
    }

    @Test
    void keepsOnlyTheLatestMessages() {
        try (SmsCentre centre = centre(3)) {
            for (int i = 1; i <= 5; i++) {
                centre.accept(NUMBER, "message " + i, Optional.empty(), Optional.empty());
            }

            assertThat(centre.sent(Optional.of(NUMBER))).extracting(SmsMessage::text).containsExactly("message 5", "message 4", "message 3");
        }
    }

    @Test
    void aMessageWithoutCallbackIsDeliveredWithNoReceipt() {
        try (SmsCentre centre = centre(10)) {
            SmsMessage message = centre.accept(NUMBER, "code", Optional.empty(), Optional.empty());

            await().atMost(Duration.ofSeconds(2)).until(() -> centre.find(message.id()).orElseThrow().status() == SmsMessage.Status.DELIVERED);
            assertThat(centre.find(message.id()).orElseThrow().receipt().state()).isEqualTo(SmsMessage.ReceiptState.NONE);
        }
    }

    @Test
    void theSignatureIsTheHexHmacOfTheBody() {
        // RFC 4231 test case 2: key "Jefe", data "what do ya want for nothing?".
        assertThat(ReceiptSignature.of("what do ya want for nothing?".getBytes(), "Jefe"))
                .isEqualTo("sha256=5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843");
    }
}
