package kz.tirkeu.identity;

import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Sign-in and session settings (tirkeu.identity.*).
 *
 * @param challengeValidity         how long a sign-in challenge may be signed
 * @param codeValidity              how long a one-time code works (5 minutes: issue 2)
 * @param wrongCodesBeforeLock      wrong codes that lock the second factor
 * @param lockDuration              how long the lock lasts
 * @param browserIdleTimeout        a browser session ends after this long without a request
 * @param browserSessionLifetime    and in any case after this long
 * @param apiTokenLifetime          bearer tokens are short-lived; API clients sign in again
 * @param secureCookies             send the session cookie only over HTTPS (on in production)
 * @param bootstrapGrants           staff roles granted at start-up when not held, as "IIN ROLE [SCOPE]": how a new
 *                                  installation gets its first administrator (and the default run its demo staff)
 * @param challengesPerMinute       anonymous sign-in challenges one client address may ask for in a minute; more is 429
 * @param challengeLimitExempt      client addresses without that limit (e.g. a load test's own machine)
 */
@ConfigurationProperties("tirkeu.identity")
public record IdentityProperties(
        @DefaultValue("5m") Duration challengeValidity,
        @DefaultValue("5m") Duration codeValidity,
        @DefaultValue("5") int wrongCodesBeforeLock,
        @DefaultValue("15m") Duration lockDuration,
        @DefaultValue("30m") Duration browserIdleTimeout,
        @DefaultValue("12h") Duration browserSessionLifetime,
        @DefaultValue("15m") Duration apiTokenLifetime,
        @DefaultValue("false") boolean secureCookies,
        @DefaultValue List<String> bootstrapGrants,
        @DefaultValue("120") int challengesPerMinute,
        @DefaultValue List<String> challengeLimitExempt) {

    public IdentityProperties {
        if (challengesPerMinute < 1) {
            throw new IllegalArgumentException("tirkeu.identity.challenges-per-minute must be at least 1, not " + challengesPerMinute);
        }
    }
}
