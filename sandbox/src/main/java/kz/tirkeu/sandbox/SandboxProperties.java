package kz.tirkeu.sandbox;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How the sandbox runs ({@code tirkeu.sandbox.*}).
 *
 * @param enabled   false in an installation that talks to the real state systems and the real НУЦ
 * @param baseUrl   the public address of the sandbox, e.g. {@code http://localhost:8080/sandbox}; when
 *                  not set, {@code tirkeu.public-base-url} + {@code /sandbox} if the platform's public address is
 *                  set, else {@code http://localhost:<port><context path>/sandbox} of this very server.
 *                  It is written into every certificate (OCSP and CRL addresses), so changing it makes
 *                  the sandbox issue a new CA and new persona keys.
 * @param dataDir   where the CA and the personas' key files are kept across restarts, relative to the
 *                  working directory
 * @param temporary keep them in a fresh directory deleted when the application stops instead (tests)
 * @param prepareOnStartup open the CA and issue the personas' keys as soon as the web server listens,
 *                  so that the first tester does not wait for some thirty RSA keys to be generated
 * @param sms       the SMS centre ({@code tirkeu.sandbox.sms.*})
 * @param mail      the mail catcher ({@code tirkeu.sandbox.mail.*})
 * @param payments  the payment gateway ({@code tirkeu.sandbox.payments.*})
 * @param production the print centre and the plate maker ({@code tirkeu.sandbox.production.*})
 */
@ConfigurationProperties("tirkeu.sandbox")
public record SandboxProperties(
        @DefaultValue("true") boolean enabled,
        URI baseUrl,
        @DefaultValue(".tirkeu/sandbox") Path dataDir,
        boolean temporary,
        @DefaultValue("true") boolean prepareOnStartup,
        @DefaultValue Sms sms,
        @DefaultValue Mail mail,
        @DefaultValue Payments payments,
        @DefaultValue Production production) {

    /**
     * @param receiptSecret      the secret of the delivery receipts' HMAC ({@code X-Sms-Signature}), shared with the platform
     * @param unreachableNumbers numbers whose messages fail with "subscriber unreachable", as a phone off for days
     */
    public record Sms(
            @DefaultValue("sandbox-sms-secret") String receiptSecret,
            @DefaultValue("+77000000000") List<String> unreachableNumbers) {
    }

    /**
     * @param enabled  run the mail catcher (an SMTP server on localhost that keeps what it receives)
     * @param smtpPort its port; 0 for any free one, which is then written back into this property, so
     *                 {@code spring.mail.port=${tirkeu.sandbox.mail.smtp-port}} always finds it
     */
    public record Mail(
            @DefaultValue("true") boolean enabled,
            @DefaultValue("2525") int smtpPort) {
    }

    /**
     * @param callbackSecret  the secret of the payment confirmations' HMAC ({@code X-Payment-Signature}), shared with the platform
     * @param decliningPayers IINs whose every payment is declined, for the "payment declined" scenario
     * @param invoiceValidity how long an invoice can be paid before it expires
     */
    public record Payments(
            @DefaultValue("sandbox-payment-secret") String callbackSecret,
            @DefaultValue List<String> decliningPayers,
            @DefaultValue("24h") Duration invoiceValidity) {
    }

    /**
     * How long production takes in the sandbox; short, so that the default run finishes in about a minute.
     *
     * @param printDelay    a print job is QUEUED this long before it is PRINTED
     * @param plateDelay    a plate order is ACCEPTED this long before its plates are MADE
     * @param deliveryDelay printed certificates and made plates travel this long to the PSC
     */
    public record Production(
            @DefaultValue("15s") Duration printDelay,
            @DefaultValue("15s") Duration plateDelay,
            @DefaultValue("15s") Duration deliveryDelay) {
    }
}
