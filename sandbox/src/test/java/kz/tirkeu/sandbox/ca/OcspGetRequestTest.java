package kz.tirkeu.sandbox.ca;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Base64;
import org.junit.jupiter.api.Test;

class OcspGetRequestTest {

    private static final byte[] DER = {(byte) 0xfb, (byte) 0xff, (byte) 0xbf, 0x01};
    private static final String BASE64 = Base64.getEncoder().encodeToString(DER);

    @Test
    void readsTheRequestWhetherSlashPlusAndEqualsArePercentEncodedOrNot() {
        assertThat(BASE64).contains("/", "+", "=");
        String encoded = BASE64.replace("/", "%2F").replace("+", "%2B").replace("=", "%3D");

        assertThat(OcspGetRequest.decode("/" + encoded)).hasValue(DER);
        assertThat(OcspGetRequest.decode("/" + BASE64)).hasValue(DER);
        assertThat(OcspGetRequest.decode(BASE64)).hasValue(DER);
    }

    @Test
    void somethingThatIsNotBase64IsNoRequest() {
        assertThat(OcspGetRequest.decode("/")).isEmpty();
        assertThat(OcspGetRequest.decode("/not*base64!")).isEmpty();
    }
}
