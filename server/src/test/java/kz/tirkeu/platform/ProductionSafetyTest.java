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

        assertThatThrownBy(() -> new ProductionSafety(environment)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("tirkeu.payments.callback-secret").hasMessageContaining("tirkeu.notification.sms.receipt-secret")
                .hasMessageContaining("tirkeu.certificates.signing-key-password").hasMessageContaining("tirkeu.management.metrics-token").hasMessageContaining("tirkeu.certificates.signing-key ")
                .hasMessageContaining("'890115330040 ADMIN'").hasMessageNotContaining("770101300001");
    }

    @Test
    void withEverySettingItsOwnTheServerStarts() {
        MockEnvironment environment = new MockEnvironment().withProperty("tirkeu.sandbox.enabled", "false")
                .withProperty("tirkeu.payments.callback-secret", "a-real-secret").withProperty("tirkeu.notification.sms.receipt-secret", "another")
                .withProperty("tirkeu.certificates.signing-key-password", "long-and-private")
                .withProperty("tirkeu.management.metrics-token", "scraper-only").withProperty("tirkeu.certificates.signing-key", "/etc/tirkeu/seal.p12")
                .withProperty("tirkeu.identity.bootstrap-grants[0]", "770101300001 ADMIN");

        assertThat(ProductionSafety.unsafeSettings(environment)).isEmpty();
        new ProductionSafety(environment);
    }

    @Test
    void theSandboxOnKeepsItsPublishedValues() {
        new ProductionSafety(new MockEnvironment().withProperty("tirkeu.sandbox.enabled", "true"));
        new ProductionSafety(new MockEnvironment());
    }
}
