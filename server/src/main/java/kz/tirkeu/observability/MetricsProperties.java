package kz.tirkeu.observability;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Who may read the metrics ({@code tirkeu.management.*}).
 *
 * @param metricsToken the bearer token the Prometheus scraper sends to /actuator/prometheus; the default is the
 *                     sandbox's published one, which with the sandbox off stops the start-up
 */
@ConfigurationProperties("tirkeu.management")
public record MetricsProperties(@DefaultValue("sandbox-metrics-token") String metricsToken) {

    public MetricsProperties {
        if (metricsToken == null || metricsToken.isBlank()) {
            throw new IllegalArgumentException("tirkeu.management.metrics-token must not be blank: a blank token would let anyone read the metrics");
        }
    }
}
