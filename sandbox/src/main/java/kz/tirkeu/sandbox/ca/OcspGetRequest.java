package kz.tirkeu.sandbox.ca;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;
import org.springframework.web.util.UriUtils;

/**
 * The OCSP request of an RFC 6960 (appendix A.1) GET: {@code {url}/{url-encoding of base64 of DER}}.
 * Clients differ in what they encode, so '/' may arrive as a path separator or as %2F, and '+' and
 * '=' as themselves or percent-encoded; all of these are read.
 */
final class OcspGetRequest {

    private OcspGetRequest() {}

    /** The DER request, or empty when the path holds no base64 (the responder then answers malformedRequest). */
    static Optional<byte[]> decode(String pathAfterOcsp) {
        String text = pathAfterOcsp.startsWith("/") ? pathAfterOcsp.substring(1) : pathAfterOcsp;
        // Base64 has no '%', so decoding a value the framework already decoded changes nothing.
        String base64 = UriUtils.decode(text, StandardCharsets.US_ASCII);
        if (base64.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(Base64.getDecoder().decode(base64));
        } catch (IllegalArgumentException notStandard) {
            try {
                return Optional.of(Base64.getUrlDecoder().decode(base64));
            } catch (IllegalArgumentException notBase64) {
                return Optional.empty();
            }
        }
    }
}
