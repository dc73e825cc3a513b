package kz.tirkeu.platform;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import org.springframework.boot.context.event.ApplicationEnvironmentPreparedEvent;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.ApplicationListener;
import org.springframework.core.Ordered;
import org.springframework.core.env.Environment;

/**
 * With the sandbox off, the server does not start while any secret, password or grant the sandbox publishes is still
 * in force (issue [7]): anyone can read them in the sandbox's README, so a production installation that kept one would
 * accept forged payment callbacks and SMS receipts, or make the sandbox's staff personas its administrators; nor while an
 * address the sandbox stood in for is unset (issue [11], docs/DEPLOYMENT.md). Every such setting is named in one message,
 * so that one restart fixes them all.
 *
 * <p>Checked as soon as the configuration is read, before any bean exists (registered in META-INF/spring.factories, not a
 * component): as a component it ran after the server's own PostgreSQL had been initialised and started, which the missing
 * {@code spring.datasource.url} makes it do (issue [11]).
 */
public final class ProductionSafety implements ApplicationListener<ApplicationEnvironmentPreparedEvent>, Ordered {

    /** The sandbox's {@code platform} persona's BIN, the default of {@code tirkeu.certificates.platform-bin}. */
    static final String SANDBOX_PLATFORM_BIN = "190340010014";

    /** The sandbox's staff personas (sandbox/README.md): their IINs are public. */
    static final Set<String> SANDBOX_STAFF = Set.of("890115330040", "841005330026", "930711430017", "800522430033", "791103430053");

    @Override
    public void onApplicationEvent(ApplicationEnvironmentPreparedEvent event) {
        check(event.getEnvironment());
    }

    /** After Spring Boot's own listeners, which load application.yml into the environment. */
    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE;
    }

    /** @throws IllegalStateException naming every unsafe or missing setting, when the sandbox is off */
    static void check(Environment environment) {
        if (environment.getProperty("tirkeu.sandbox.enabled", Boolean.class, true)) {
            return;
        }
        List<String> unsafe = unsafeSettings(environment);
        if (!unsafe.isEmpty()) {
            throw new IllegalStateException("The sandbox is off (tirkeu.sandbox.enabled=false), but these settings still have the sandbox's "
                    + "published values or are not set; set each to this installation's own (docs/DEPLOYMENT.md):\n  - " + String.join("\n  - ", unsafe));
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
        unsafe.addAll(missingAddresses(environment));
        List<String> grants = Binder.get(environment).bind("tirkeu.identity.bootstrap-grants", Bindable.listOf(String.class)).orElse(List.of());
        grants.stream().filter(line -> SANDBOX_STAFF.contains(line.strip().split("\\s+")[0]))
                .forEach(line -> unsafe.add("tirkeu.identity.bootstrap-grants: '" + line.strip() + "' grants a role to a sandbox persona "
                        + "(list this installation's first administrator instead, e.g. TIRKEU_IDENTITY_BOOTSTRAPGRANTS_0)"));
        return unsafe;
    }

    /**
     * What the sandbox stood in for and has no default outside it (docs/DEPLOYMENT.md): left unset, the server would start and
     * then send browsers, state-system calls and time-stamp requests to a sandbox that is off, or keep its data in a PostgreSQL
     * of its own.
     */
    private static List<String> missingAddresses(Environment environment) {
        List<String> missing = new ArrayList<>();
        if (blank(environment, "spring.datasource.url")) {
            missing.add("spring.datasource.url (SPRING_DATASOURCE_URL, with _USERNAME and _PASSWORD): not set, so the server would run a PostgreSQL "
                    + "of its own in its working directory, which no second instance shares and no backup of the database server covers");
        }
        if (blank(environment, "tirkeu.public-base-url")) {
            missing.add("tirkeu.public-base-url (TIRKEU_PUBLIC_BASE_URL): not set, so links in notices, payment and SMS callbacks and "
                    + "certificates' verification addresses would name http://localhost:<port>");
        }
        if (blank(environment, "tirkeu.state-systems.base-url")) {
            missing.add("tirkeu.state-systems.base-url (TIRKEU_STATE_SYSTEMS_BASE_URL): not set, so the state systems, the payment gateway "
                    + "and the SMS centre would be asked at this server's sandbox, which is off");
        }
        if (Arrays.stream(environment.getProperty("tirkeu.pki.trust-anchors", "").split(",")).allMatch(String::isBlank)) {
            missing.add("tirkeu.pki.trust-anchors (TIRKEU_PKI_TRUST_ANCHORS): not set, so signatures would be checked against the "
                    + "sandbox CA's root instead of the НУЦ РК's");
        }
        if (blank(environment, "tirkeu.ncalayer.url")) {
            missing.add("tirkeu.ncalayer.url (TIRKEU_NCALAYER_URL): not set, so browsers would be sent to the sandbox signer, which is off; "
                    + "the real NCALayer listens at wss://127.0.0.1:13579");
        }
        if (blank(environment, "tirkeu.certificates.time-stamp-url")) {
            missing.add("tirkeu.certificates.time-stamp-url (TIRKEU_CERTIFICATES_TIME_STAMP_URL): not set, so certificates would be "
                    + "time-stamped by the sandbox CA's TSA");
        }
        if (SANDBOX_PLATFORM_BIN.equals(environment.getProperty("tirkeu.certificates.platform-bin", SANDBOX_PLATFORM_BIN).strip())) {
            missing.add("tirkeu.certificates.platform-bin (TIRKEU_PLATFORM_BIN): the sandbox platform's BIN, so the certificates this "
                    + "installation's own key seals would count as not issued by Tirkeu");
        }
        if (!environment.getProperty("tirkeu.identity.secure-cookies", Boolean.class, false)) {
            missing.add("tirkeu.identity.secure-cookies (TIRKEU_IDENTITY_SECURECOOKIES): false, so session cookies would also travel "
                    + "over plain HTTP; behind TLS set it to true");
        }
        String mailHost = environment.getProperty("spring.mail.host", "localhost").strip();
        if (Set.of("localhost", "127.0.0.1", "::1").contains(mailHost) && "2525".equals(environment.getProperty("spring.mail.port", "2525").strip())) {
            missing.add("spring.mail.host (SPRING_MAIL_HOST, with _PORT, _USERNAME, _PASSWORD): " + mailHost + ":2525, the sandbox's mail "
                    + "catcher, so notices by e-mail would reach nobody");
        }
        return missing;
    }

    private static boolean blank(Environment environment, String property) {
        return environment.getProperty(property, "").isBlank();
    }
}
