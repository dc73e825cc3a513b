package kz.tirkeu.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
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

        assertThat(addresses(environment).publicBase()).isEqualTo(URI.create("https://tirkeu.example.kz"));
    }

    @Test
    void withoutOneTheLocalServerIsItsOwnPublicAddress() {
        MockEnvironment environment = new MockEnvironment().withProperty("local.server.port", "41234");

        assertThat(addresses(environment).publicBase()).isEqualTo(URI.create("http://localhost:41234"));
        assertThat(addresses(environment).stateSystem("/mbg/v1/x")).isEqualTo(URI.create("http://localhost:41234/sandbox/mbg/v1/x"));
    }

    @Test
    void anAddressThatIsNoHttpAddressStopsTheStartNamingItsKey() {
        MockEnvironment environment = new MockEnvironment().withProperty("tirkeu.public-base-url", "tirkeu.example.kz");

        assertThatThrownBy(() -> addresses(environment)).hasStackTraceContaining("tirkeu.public-base-url must be an absolute http(s) address");
        MockEnvironment stateSystems = new MockEnvironment().withProperty("tirkeu.state-systems.base-url", "ftp://shep.example.kz");
        assertThatThrownBy(() -> addresses(stateSystems)).hasStackTraceContaining("tirkeu.state-systems.base-url must be an absolute http(s) address");
    }

    /** Bound as at start-up: the same binder, defaults and checks. */
    private static PlatformAddresses addresses(MockEnvironment environment) {
        PlatformProperties properties = Binder.get(environment).bindOrCreate("tirkeu", PlatformProperties.class);
        return new PlatformAddresses(properties, environment);
    }
}
