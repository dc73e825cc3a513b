package kz.tirkeu.platform;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * With the sandbox off, the server does not start while any secret, password or grant the sandbox publishes is still
 * in force (issue [7]): anyone can read them in the sandbox's README, so a production installation that kept one would
 * accept forged payment callbacks and SMS receipts, or make the sandbox's staff personas its administrators. Every
 * such setting is named in one message, so that one restart fixes them all.
 */
@Component
class ProductionSafety {

    /** The sandbox's staff personas (sandbox/README.md): their IINs are public. */
    static final Set<String> SANDBOX_STAFF = Set.of("890115330040", "841005330026", "930711430017", "800522430033", "791103430053");

    ProductionSafety(Environment environment) {
        if (environment.getProperty("tirkeu.sandbox.enabled", Boolean.class, true)) {
            return;
        }
        List<String> unsafe = unsafeSettings(environment);
        if (!unsafe.isEmpty()) {
            throw new IllegalStateException("The sandbox is off (tirkeu.sandbox.enabled=false), but these settings still have the sandbox's "
                    + "published values; set each to this installation's own:\n  - " + String.join("\n  - ", unsafe));
        }
    }

    static List<String> unsafeSettings(Environment environment) {
        List<String> unsafe = new ArrayList<>();
        if ("sandbox-payment-secret".equals(environment.getProperty("tirkeu.payments.callback-secret", "sandbox-payment-secret"))) {
            unsafe.add("tirkeu.payments.callback-secret (TIRKEU_PAYMENTS_CALLBACK_SECRET): the payment gateway's HMAC secret is the sandbox's");
        }
        if ("sandbox-sms-secret".equals(environment.getProperty("tirkeu.notification.sms.receipt-secret", "sandbox-sms-secret"))) {
            unsafe.add("tirkeu.notification.sms.receipt-secret (TIRKEU_SMS_RECEIPT_SECRET): the SMS centre's receipt secret is the sandbox's");
        }
        if ("sandbox-metrics-token".equals(environment.getProperty("tirkeu.management.metrics-token", "sandbox-metrics-token"))) {
            unsafe.add("tirkeu.management.metrics-token (TIRKEU_MANAGEMENT_METRICS_TOKEN): the metrics scraper's token is the sandbox's");
        }
        if ("Qwerty12".equals(environment.getProperty("tirkeu.certificates.signing-key-password", "Qwerty12"))) {
            unsafe.add("tirkeu.certificates.signing-key-password (TIRKEU_CERTIFICATES_SIGNING_KEY_PASSWORD): the sandbox's key password");
        }
        if (environment.getProperty("tirkeu.certificates.signing-key", "").isBlank()) {
            unsafe.add("tirkeu.certificates.signing-key (TIRKEU_CERTIFICATES_SIGNING_KEY): not set, so certificates would be sealed with the sandbox's platform key");
        }
        if (environment.getProperty("tirkeu.regime.sandbox-regime", Boolean.class, false)) {
            unsafe.add("tirkeu.regime.sandbox-regime: the sandbox's test regime, which has no legal force, would admit applications");
        }
        List<String> grants = Binder.get(environment).bind("tirkeu.identity.bootstrap-grants", Bindable.listOf(String.class)).orElse(List.of());
        grants.stream().filter(line -> SANDBOX_STAFF.contains(line.strip().split("\\s+")[0]))
                .forEach(line -> unsafe.add("tirkeu.identity.bootstrap-grants: '" + line.strip() + "' grants a role to a sandbox persona "
                        + "(list this installation's first administrator instead, e.g. TIRKEU_IDENTITY_BOOTSTRAPGRANTS_0)"));
        return unsafe;
    }
}
