package kz.tirkeu.issuance;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Issuance ({@code tirkeu.issuance.*}): where production and the digital documents service are, how
 * long to wait for them, how the production worker polls, and how long documents wait at the PSC.
 *
 * @param collectionDays    documents not collected this many days after they were ready are flagged overdue
 * @param printCentreUrl    the ИПЦ's API; not set or blank: {state systems}/print-centre/v1
 * @param plateMakerUrl     the plate maker's API; not set: {state systems}/plate-maker/v1
 * @param digitalDocumentsUrl the digital documents service; not set: {state systems}/digital-documents/v1
 * @param connectTimeout    how long to wait for production or the digital documents service to accept a connection
 * @param requestTimeout    and for its answer
 * @param breakerMinimumCalls calls to one of them before its failure rate can open the breaker
 * @param breakerOpenFor    how long an open breaker lets no call through before trying again
 * @param worker            the production worker
 */
@ConfigurationProperties("tirkeu.issuance")
public record IssuanceProperties(
        @DefaultValue("30") int collectionDays,
        String printCentreUrl,
        String plateMakerUrl,
        String digitalDocumentsUrl,
        @DefaultValue("2s") Duration connectTimeout,
        @DefaultValue("5s") Duration requestTimeout,
        @DefaultValue("10") int breakerMinimumCalls,
        @DefaultValue("30s") Duration breakerOpenFor,
        @DefaultValue Worker worker) {

    /**
     * @param enabled      off: nothing moves unless a test calls the worker itself
     * @param interval     how often the worker looks for due orders
     * @param batchSize    how many orders one round claims
     * @param lease        a claimed order is this server's for this long; if it dies, another takes over
     * @param pollEvery    how often the worker asks production about an order in progress
     * @param firstRetry   after an outage, the first wait; doubled each time (with jitter) up to {@code longestRetry}
     * @param longestRetry the longest wait after an outage
     */
    public record Worker(
            @DefaultValue("true") boolean enabled,
            @DefaultValue("1s") Duration interval,
            @DefaultValue("20") int batchSize,
            @DefaultValue("2m") Duration lease,
            @DefaultValue("5s") Duration pollEvery,
            @DefaultValue("5s") Duration firstRetry,
            @DefaultValue("5m") Duration longestRetry) {
    }
}
