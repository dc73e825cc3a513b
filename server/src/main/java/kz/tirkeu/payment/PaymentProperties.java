package kz.tirkeu.payment;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The payment gateway's side of the callbacks ({@code tirkeu.payments.*}).
 *
 * @param callbackSecret the shared secret the gateway signs its callbacks with (HMAC-SHA256); the default is the
 *                       sandbox gateway's published test secret, which {@code ProductionSafety} refuses outside the sandbox
 */
@ConfigurationProperties("tirkeu.payments")
public record PaymentProperties(@DefaultValue("sandbox-payment-secret") String callbackSecret) {

    public PaymentProperties {
        if (callbackSecret == null || callbackSecret.isBlank()) {
            throw new IllegalArgumentException("tirkeu.payments.callback-secret must be set: without it no payment can be confirmed");
        }
    }
}
