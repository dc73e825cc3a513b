package kz.tirkeu.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import org.junit.jupiter.api.Test;
import org.springframework.mock.env.MockEnvironment;

/**
 * Issue [11]: links people and partners follow (the certificate's verification page, SMS receipts, the payment return)
 * are built from the configured public address, not from the server's idea of where it listens.
 */
class PlatformAddressesTest {

    @Test
    void theConfiguredPublicAddressIsUsedWithoutItsTrailingSlash() {
        MockEnvironment environment = new MockEnvironment().withProperty("tirkeu.public-base-url", "https://tirkeu.example.kz/")
                .withProperty("local.server.port", "41234");

        assertThat(new PlatformAddresses(environment).publicBase()).isEqualTo(URI.create("https://tirkeu.example.kz"));
    }

    @Test
    void withoutOneTheLocalServerIsItsOwnPublicAddress() {
        MockEnvironment environment = new MockEnvironment().withProperty("local.server.port", "41234");

        assertThat(new PlatformAddresses(environment).publicBase()).isEqualTo(URI.create("http://localhost:41234"));
        assertThat(new PlatformAddresses(environment).stateSystem("/mbg/v1/x")).isEqualTo(URI.create("http://localhost:41234/sandbox/mbg/v1/x"));
    }
}
