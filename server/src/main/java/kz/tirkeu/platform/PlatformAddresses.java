package kz.tirkeu.platform;

import java.net.URI;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * Where the platform and the state systems are reached. Read when used, not at start-up: by default
 * the sandbox runs in this JVM and the port is known only once the web server listens (tests use
 * random ports). Production sets both addresses explicitly ({@link PlatformProperties}):
 * {@code TIRKEU_PUBLIC_BASE_URL} (how the outside world calls us back, e.g. SMS receipts) and
 * {@code TIRKEU_STATE_SYSTEMS_BASE_URL} (the sandbox, or a gateway such as ШЭП).
 */
@Component
@EnableConfigurationProperties(PlatformProperties.class)
public class PlatformAddresses {

    private final PlatformProperties properties;
    /** Only for the port the web server listens on, which is no setting. */
    private final Environment environment;

    public PlatformAddresses(PlatformProperties properties, Environment environment) {
        this.properties = properties;
        this.environment = environment;
    }

    /** Our own public address, without a trailing slash. */
    public URI publicBase() {
        String configured = properties.publicBaseUrl();
        return URI.create(configured != null ? configured : "http://localhost:" + port());
    }

    /** An address under the state systems' base, e.g. {@code stateSystem("/mbg/v1/subscribers/…")}. */
    public URI stateSystem(String path) {
        String configured = properties.stateSystems().baseUrl();
        return URI.create((configured != null ? configured : "http://localhost:" + port() + "/sandbox") + path);
    }

    private String port() {
        return environment.getProperty("local.server.port", environment.getProperty("server.port", "8080"));
    }
}
