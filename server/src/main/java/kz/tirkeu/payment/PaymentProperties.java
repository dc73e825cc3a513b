package kz.tirkeu.payment;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The payment gateway's side of the callbacks ({@code tirkeu.payments.*}).
 *
 * @param callbackSecret the shared secret the gateway signs its callbacks with (HMAC-SHA256); the default is the
 *                       sandbox gateway's published test secret, which {@code ProductionSafety} refuses outside the sandbox
 * @param reconciliation asking the gateway about invoices whose callback has not come
 */
@ConfigurationProperties("tirkeu.payments")
public record PaymentProperties(@DefaultValue("sandbox-payment-secret") String callbackSecret, @DefaultValue Reconciliation reconciliation) {

    /**
     * @param enabled   off only in tests, which run the rounds themselves
     * @param interval  how often a round runs
     * @param after     an invoice pending this long without a callback is asked about at the gateway
     * @param batchSize how many invoices one round asks about
     */
    public record Reconciliation(@DefaultValue("true") boolean enabled, @DefaultValue("1m") java.time.Duration interval,
                                 @DefaultValue("10m") java.time.Duration after, @DefaultValue("20") int batchSize) {
    }

    public PaymentProperties {
        if (callbackSecret == null || callbackSecret.isBlank()) {
            throw new IllegalArgumentException("tirkeu.payments.callback-secret must be set: without it no payment can be confirmed");
        }
    }
}
