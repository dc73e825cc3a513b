package kz.tirkeu.notification;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;

import org.bouncycastle.crypto.digests.SHA256Digest;
import org.bouncycastle.crypto.macs.HMac;
import org.bouncycastle.crypto.params.KeyParameter;
import org.bouncycastle.util.Arrays;

/**
 * The SMS centre signs each receipt: header {@code X-Sms-Signature: sha256=<hex HMAC-SHA256 of the exact
 * body>} with a secret shared with us. The body is checked as received, byte for byte, before it is parsed.
 */
final class SmsReceiptSignature {

    static final String HEADER = "X-Sms-Signature";
    private static final String SCHEME = "sha256=";

    private final byte[] secret;

    SmsReceiptSignature(String secret) {
        this.secret = secret.getBytes(StandardCharsets.UTF_8);
    }

    boolean verifies(byte[] body, String header) {
        if (header == null || !header.regionMatches(true, 0, SCHEME, 0, SCHEME.length())) {
            return false;
        }
        byte[] given;
        try {
            given = HexFormat.of().parseHex(header.substring(SCHEME.length()).strip());
        } catch (IllegalArgumentException e) {
            return false;
        }
        // Constant time: how long the comparison takes must not tell a forger how many bytes were right.
        return Arrays.constantTimeAreEqual(mac(body), given);
    }

    String sign(byte[] body) {
        return SCHEME + HexFormat.of().formatHex(mac(body));
    }

    private byte[] mac(byte[] body) {
        HMac hmac = new HMac(SHA256Digest.newInstance());
        hmac.init(new KeyParameter(secret));
        hmac.update(body, 0, body.length);
        byte[] out = new byte[hmac.getMacSize()];
        hmac.doFinal(out, 0);
        return out;
    }
}
