package kz.tirkeu.partner;

import java.time.Duration;
import kz.tirkeu.notification.NotificationProperties;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of partner systems ({@code tirkeu.partner.*}); explained in application.yml and docs/PARTNERS.md.
 *
 * @param accessTokenLifetime  how long an access token from the token endpoint works
 * @param assertionMaxLifetime the longest a client assertion may live (its exp after its iat, or after now)
 * @param clockSkew            how far the partner's clock may be off ours when exp, iat and nbf are judged
 * @param sandboxPartner       register the sandbox's partner system (persona dealer1-dms) at start-up: on with the sandbox
 * @param loopbackWebhooks     accept http://127.0.0.1 / localhost webhook addresses (the sandbox's test receivers);
 *                             otherwise only https
 * @param webhooks             the webhook dispatcher: the notification point's dispatcher settings, retry and breaker
 */
@ConfigurationProperties("tirkeu.partner")
public record PartnerProperties(
        @DefaultValue("5m") Duration accessTokenLifetime,
        @DefaultValue("5m") Duration assertionMaxLifetime,
        @DefaultValue("30s") Duration clockSkew,
        @DefaultValue("false") boolean sandboxPartner,
        @DefaultValue("false") boolean loopbackWebhooks,
        @DefaultValue Webhooks webhooks) {

    /**
     * @param dispatcher     how the webhook deliveries are polled and claimed, as the notification point's
     * @param retry          the backoff between attempts at one webhook, as the notification point's
     * @param circuitBreaker the breaker per receiver, so that one partner down does not hold up the others
     * @param connectTimeout how long to wait for a partner's receiver to accept the connection
     * @param readTimeout    and to answer
     */
    public record Webhooks(
            @DefaultValue NotificationProperties.Dispatcher dispatcher,
            @DefaultValue NotificationProperties.Retry retry,
            @DefaultValue NotificationProperties.CircuitBreaker circuitBreaker,
            @DefaultValue("2s") Duration connectTimeout,
            @DefaultValue("5s") Duration readTimeout) {}
}
