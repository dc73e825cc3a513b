package kz.tirkeu.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.springframework.mock.env.MockEnvironment;

/**
 * Issue [7]: with the sandbox off, the published payment and SMS secrets and the staff personas' grants stayed in
 * force. Start-up now fails naming every such setting, and starts once each is this installation's own.
 */
class ProductionSafetyTest {

    @Test
    void theSandboxOffWithItsSecretsAndGrantsLeftInPlaceRefusesToStartNamingEach() {
        MockEnvironment environment = new MockEnvironment().withProperty("tirkeu.sandbox.enabled", "false")
                .withProperty("tirkeu.identity.bootstrap-grants[0]", "890115330040 ADMIN")
                .withProperty("tirkeu.identity.bootstrap-grants[1]", "770101300001 ADMIN");

        assertThatThrownBy(() -> ProductionSafety.check(environment)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("tirkeu.payments.callback-secret").hasMessageContaining("tirkeu.notification.sms.receipt-secret")
                .hasMessageContaining("tirkeu.certificates.signing-key-password").hasMessageContaining("tirkeu.management.metrics-token").hasMessageContaining("tirkeu.certificates.signing-key ")
                .hasMessageContaining("'890115330040 ADMIN'").hasMessageNotContaining("770101300001");
    }

    /**
     * Issue [11]: docs/DEPLOYMENT.md names what an installation without the sandbox must set; left unset, the server started and
     * then sent browsers, state-system calls and time-stamp requests to a sandbox that is off, kept its data in a PostgreSQL of
     * its own, and named http://localhost in every link. Each is named at start-up now.
     */
    @Test
    void theSandboxOffWithoutTheAddressesOfTheRealWorldRefusesToStartNamingEach() {
        MockEnvironment environment = production().withProperty("spring.datasource.url", "").withProperty("tirkeu.public-base-url", "")
                .withProperty("tirkeu.state-systems.base-url", "").withProperty("tirkeu.pki.trust-anchors", " , ").withProperty("tirkeu.ncalayer.url", "")
                .withProperty("tirkeu.certificates.time-stamp-url", "").withProperty("tirkeu.certificates.platform-bin", "190340010014")
                .withProperty("tirkeu.identity.secure-cookies", "false").withProperty("spring.mail.host", "localhost").withProperty("spring.mail.port", "2525");

        assertThat(ProductionSafety.unsafeSettings(environment)).hasSize(9);
        assertThatThrownBy(() -> ProductionSafety.check(environment)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("spring.datasource.url (SPRING_DATASOURCE_URL").hasMessageContaining("tirkeu.public-base-url (TIRKEU_PUBLIC_BASE_URL)")
                .hasMessageContaining("tirkeu.state-systems.base-url (TIRKEU_STATE_SYSTEMS_BASE_URL)")
                .hasMessageContaining("tirkeu.pki.trust-anchors (TIRKEU_PKI_TRUST_ANCHORS)").hasMessageContaining("tirkeu.ncalayer.url (TIRKEU_NCALAYER_URL)")
                .hasMessageContaining("tirkeu.certificates.time-stamp-url (TIRKEU_CERTIFICATES_TIME_STAMP_URL)")
                .hasMessageContaining("tirkeu.certificates.platform-bin (TIRKEU_PLATFORM_BIN)")
                .hasMessageContaining("tirkeu.identity.secure-cookies (TIRKEU_IDENTITY_SECURECOOKIES)")
                .hasMessageContaining("spring.mail.host (SPRING_MAIL_HOST");
    }

    @Test
    void aMailRelayOnThisMachineIsNotTheSandboxsMailCatcher() {
        assertThat(ProductionSafety.unsafeSettings(production().withProperty("spring.mail.host", "localhost").withProperty("spring.mail.port", "25"))).isEmpty();
    }

    @Test
    void withEverySettingItsOwnTheServerStarts() {
        MockEnvironment environment = production();

        assertThat(ProductionSafety.unsafeSettings(environment)).isEmpty();
        ProductionSafety.check(environment);
    }

    /** An installation as docs/DEPLOYMENT.md describes it. */
    private static MockEnvironment production() {
        return new MockEnvironment().withProperty("tirkeu.sandbox.enabled", "false")
                .withProperty("tirkeu.payments.callback-secret", "a-real-secret").withProperty("tirkeu.notification.sms.receipt-secret", "another")
                .withProperty("tirkeu.certificates.signing-key-password", "long-and-private")
                .withProperty("tirkeu.management.metrics-token", "scraper-only").withProperty("tirkeu.certificates.signing-key", "/etc/tirkeu/seal.p12")
                .withProperty("tirkeu.identity.bootstrap-grants[0]", "770101300001 ADMIN")
                .withProperty("spring.datasource.url", "jdbc:postgresql://db.internal:5432/tirkeu")
                .withProperty("tirkeu.public-base-url", "https://tirkeu.example.kz")
                .withProperty("tirkeu.state-systems.base-url", "https://shep.example.kz/tirkeu")
                .withProperty("tirkeu.pki.trust-anchors", "/etc/tirkeu/nca-rsa-root.pem,/etc/tirkeu/nca-gost-root.pem")
                .withProperty("tirkeu.ncalayer.url", "wss://127.0.0.1:13579")
                .withProperty("tirkeu.certificates.time-stamp-url", "http://tsp.example.kz")
                .withProperty("tirkeu.certificates.platform-bin", "120440037156")
                .withProperty("tirkeu.identity.secure-cookies", "true")
                .withProperty("spring.mail.host", "smtp.example.kz");
    }

    @Test
    void theSandboxOnKeepsItsPublishedValues() {
        ProductionSafety.check(new MockEnvironment().withProperty("tirkeu.sandbox.enabled", "true"));
        ProductionSafety.check(new MockEnvironment());
    }
}
