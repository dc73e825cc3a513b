package kz.tirkeu.sandbox.sms;

import kz.tirkeu.sandbox.callback.SignedCallbacks;

/**
 * The {@code X-Sms-Signature} header of a delivery receipt: {@code sha256=} and the hex HMAC-SHA256 of
 * the exact body bytes under the secret the platform shares with the SMS centre, so the platform can
 * tell a receipt from the centre from one anybody could post to its callback URL.
 */
public final class ReceiptSignature {

    public static final String HEADER = "X-Sms-Signature";

    private ReceiptSignature() {}

    public static String of(byte[] body, String secret) {
        return SignedCallbacks.hmacSha256(body, secret);
    }
}
