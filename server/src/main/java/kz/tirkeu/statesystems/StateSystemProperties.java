package kz.tirkeu.statesystems;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Calls to the state systems (tirkeu.state-systems.*). The base address itself is read by
 * {@link kz.tirkeu.platform.PlatformAddresses} ({@code tirkeu.state-systems.base-url}).
 */
@ConfigurationProperties("tirkeu.state-systems")
public record StateSystemProperties(
        @DefaultValue("2s") Duration connectTimeout,
        @DefaultValue("5s") Duration requestTimeout,
        @DefaultValue("10") int breakerMinimumCalls,
        @DefaultValue("30s") Duration breakerOpenFor) {}
