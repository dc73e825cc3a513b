package kz.tirkeu.statesystems;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.stereotype.Component;

/**
 * The state systems as the platform sees them: each one's circuit breaker (CLOSED = answering,
 * OPEN = held back after failures). Always UP: an outage of a state system makes applications wait,
 * it does not make this server unhealthy, and a load balancer must not take it out of service.
 */
@Component("stateSystems")
class StateSystemsHealth implements HealthIndicator {

    private final StateSystemClient client;

    StateSystemsHealth(StateSystemClient client) {
        this.client = client;
    }

    @Override
    public Health health() {
        Health.Builder health = Health.up();
        client.breakerStates().forEach((system, state) -> health.withDetail(system.name(), state));
        return health.build();
    }
}
