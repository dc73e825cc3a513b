package kz.tirkeu.platform;

import java.net.URI;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * Where the platform and the state systems are reached. Read when used, not at start-up: by default
 * the sandbox runs in this JVM and the port is known only once the web server listens (tests use
 * random ports). Production sets both addresses explicitly:
 * {@code TIRKEU_PUBLIC_BASE_URL} (how the outside world calls us back, e.g. SMS receipts) and
 * {@code TIRKEU_STATE_SYSTEMS_BASE_URL} (the sandbox, or a gateway such as ШЭП).
 */
@Component
public class PlatformAddresses {

    private final Environment environment;

    public PlatformAddresses(Environment environment) {
        this.environment = environment;
    }

    /** Our own public address, without a trailing slash. */
    public URI publicBase() {
        String configured = environment.getProperty("tirkeu.public-base-url");
        return URI.create(configured != null && !configured.isBlank() ? strip(configured) : "http://localhost:" + port());
    }

    /** An address under the state systems' base, e.g. {@code stateSystem("/mbg/v1/subscribers/…")}. */
    public URI stateSystem(String path) {
        String configured = environment.getProperty("tirkeu.state-systems.base-url");
        String base = configured != null && !configured.isBlank() ? strip(configured) : "http://localhost:" + port() + "/sandbox";
        return URI.create(base + path);
    }

    private String port() {
        return environment.getProperty("local.server.port", environment.getProperty("server.port", "8080"));
    }

    private static String strip(String url) {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }
}
