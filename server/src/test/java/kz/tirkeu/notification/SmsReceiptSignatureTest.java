package kz.tirkeu.notification;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

class SmsReceiptSignatureTest {

    private final SmsReceiptSignature signature = new SmsReceiptSignature("sandbox-sms-secret");
    private final byte[] body = "{\"messageId\":\"m-1\",\"reference\":\"r\",\"status\":\"DELIVERED\"}".getBytes(StandardCharsets.UTF_8);

    @Test
    void theSignatureIsTheJdksHmacSha256OfTheBody() {
        try (FakeSmsCentre centre = FakeSmsCentre.start("sandbox-sms-secret")) {
            assertThat(signature.sign(body)).isEqualTo(centre.sign(body));
            assertThat(signature.verifies(body, centre.sign(body))).isTrue();
            assertThat(signature.verifies(body, centre.sign(body).toUpperCase().replace("SHA256=", "sha256="))).isTrue();
        }
    }

    @Test
    void anythingElseDoesNotVerify() {
        String good = signature.sign(body);
        byte[] other = body.clone();
        other[5] ^= 1;

        assertThat(signature.verifies(other, good)).isFalse();
        assertThat(signature.verifies(body, null)).isFalse();
        assertThat(signature.verifies(body, "")).isFalse();
        assertThat(signature.verifies(body, good.substring("sha256=".length()))).isFalse();
        assertThat(signature.verifies(body, "sha1=" + good.substring("sha256=".length()))).isFalse();
        assertThat(signature.verifies(body, good.substring(0, good.length() - 2))).isFalse();
        assertThat(signature.verifies(body, good + "00")).isFalse();
        assertThat(signature.verifies(body, "sha256=zz")).isFalse();
        assertThat(new SmsReceiptSignature("another").verifies(body, good)).isFalse();
    }
}
