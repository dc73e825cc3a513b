package kz.tirkeu.notification;

import java.net.URI;
import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the notification point ({@code tirkeu.notification.*}); the defaults are here and are
 * explained in application.yml.
 *
 * @param defaultLanguage the language of a person who has not chosen one
 */
@ConfigurationProperties("tirkeu.notification")
public record NotificationProperties(
        @DefaultValue("kk") Language defaultLanguage,
        @DefaultValue Dispatcher dispatcher,
        @DefaultValue Retry retry,
        @DefaultValue Sms sms,
        @DefaultValue Email email,
        @DefaultValue OneTimeCode oneTimeCode) {

    /**
     * @param enabled      poll in the background; tests turn it off and call {@code dispatchDue()} themselves
     * @param pollInterval pause between two polls when the last one found nothing due
     * @param batchSize    deliveries one poll claims (and sends in parallel)
     * @param lease        how long a claim lasts; longer than any one send can take, shorter than people wait
     */
    public record Dispatcher(
            @DefaultValue("true") boolean enabled,
            @DefaultValue("1s") Duration pollInterval,
            @DefaultValue("50") int batchSize,
            @DefaultValue("2m") Duration lease) {

        public Dispatcher {
            requirePositive(pollInterval, "tirkeu.notification.dispatcher.poll-interval");
            requirePositive(lease, "tirkeu.notification.dispatcher.lease");
            if (batchSize < 1) {
                throw new IllegalArgumentException("tirkeu.notification.dispatcher.batch-size must be at least 1");
            }
        }
    }

    /**
     * Exponential backoff with jitter: attempt n waits {@code firstDelay × multiplier^(n-1)}, at most
     * {@code maxDelay}, spread by ± {@code jitter} (a fraction), so that deliveries that failed together
     * do not all come back together.
     *
     * @param firstDelay  the wait after the first failed attempt
     * @param multiplier  each further wait is the last one times this (at least 1)
     * @param maxDelay    no wait is longer than this
     * @param jitter      each wait is spread by up to this fraction either way, in [0, 1)
     * @param maxAttempts attempts to hand a message over before the delivery is FAILED
     */
    public record Retry(
            @DefaultValue("10s") Duration firstDelay,
            @DefaultValue("2.0") double multiplier,
            @DefaultValue("1h") Duration maxDelay,
            @DefaultValue("0.2") double jitter,
            @DefaultValue("10") int maxAttempts) {

        public Retry {
            requirePositive(firstDelay, "tirkeu.notification.retry.first-delay");
            requirePositive(maxDelay, "tirkeu.notification.retry.max-delay");
            if (multiplier < 1.0) {
                throw new IllegalArgumentException("tirkeu.notification.retry.multiplier must be at least 1");
            }
            if (jitter < 0.0 || jitter >= 1.0) {
                throw new IllegalArgumentException("tirkeu.notification.retry.jitter is a fraction in [0, 1)");
            }
            if (maxAttempts < 1) {
                throw new IllegalArgumentException("tirkeu.notification.retry.max-attempts must be at least 1");
            }
        }
    }

    /**
     * @param baseUrl        the SMS centre; unset: the sandbox's, {@code http://localhost:<port>/sandbox/sms}
     * @param callbackUrl    where the SMS centre posts delivery receipts; unset: this server's
     *                       {@code http://localhost:<port>/api/v1/notifications/sms-receipts}
     * @param receiptSecret  the shared secret of the receipts' HMAC-SHA256 signature
     */
    public record Sms(
            URI baseUrl,
            URI callbackUrl,
            @DefaultValue("sandbox-sms-secret") String receiptSecret,
            @DefaultValue("2s") Duration connectTimeout,
            @DefaultValue("5s") Duration readTimeout,
            @DefaultValue CircuitBreaker circuitBreaker) {

        public Sms {
            if (receiptSecret == null || receiptSecret.isBlank()) {
                throw new IllegalArgumentException("tirkeu.notification.sms.receipt-secret must be set");
            }
            requirePositive(connectTimeout, "tirkeu.notification.sms.connect-timeout");
            requirePositive(readTimeout, "tirkeu.notification.sms.read-timeout");
        }

        @Override
        public String toString() {
            return "Sms[baseUrl=%s, callbackUrl=%s, receiptSecret=(hidden)]".formatted(baseUrl, callbackUrl);
        }
    }

    /** @param from the sender of notices by e-mail; the SMTP server itself is {@code spring.mail.*} */
    public record Email(
            @DefaultValue("Tirkeu <no-reply@tirkeu.kz>") String from,
            @DefaultValue CircuitBreaker circuitBreaker) {
    }

    /**
     * Stops calling a provider that keeps failing, so that a batch does not wait out a timeout per
     * delivery; deliveries held back this way are deferred, not counted as attempts.
     *
     * @param failureRateThreshold percentage of failed calls in the window that opens the breaker
     * @param minimumCalls         calls in the window before the rate counts
     * @param window               calls the rate is taken over
     * @param openFor              how long the breaker stays open before letting a few calls try again
     */
    public record CircuitBreaker(
            @DefaultValue("50") float failureRateThreshold,
            @DefaultValue("10") int minimumCalls,
            @DefaultValue("20") int window,
            @DefaultValue("30s") Duration openFor) {
    }

    /**
     * @param sendWindow how long the server keeps retrying a sign-in code held in its memory; after that
     *                   the code is useless to the person anyway and the delivery fails
     */
    public record OneTimeCode(@DefaultValue("3m") Duration sendWindow) {

        public OneTimeCode {
            requirePositive(sendWindow, "tirkeu.notification.one-time-code.send-window");
        }
    }

    private static void requirePositive(Duration duration, String name) {
        if (duration == null || duration.isNegative() || duration.isZero()) {
            throw new IllegalArgumentException(name + " must be a positive duration");
        }
    }
}
