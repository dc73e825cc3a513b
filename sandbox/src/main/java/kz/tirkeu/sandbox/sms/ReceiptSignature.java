package kz.tirkeu.sandbox.sms;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The {@code X-Sms-Signature} header of a delivery receipt: {@code sha256=} and the hex HMAC-SHA256 of
 * the exact body bytes under the secret the platform shares with the SMS centre, so the platform can
 * tell a receipt from the centre from one anybody could post to its callback URL.
 */
public final class ReceiptSignature {

    public static final String HEADER = "X-Sms-Signature";
    private static final String PREFIX = "sha256=";

    private ReceiptSignature() {}

    public static String of(byte[] body, String secret) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return PREFIX + HexFormat.of().formatHex(mac.doFinal(body));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is missing from this JDK", e);
        }
    }
}
