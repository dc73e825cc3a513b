package kz.tirkeu.platform;

import java.net.URI;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where the platform is and what it reaches ({@code tirkeu.public-base-url}, {@code tirkeu.state-systems.base-url},
 * {@code tirkeu.ncalayer.url}), how its live lists refresh and whether the sandbox runs in this server. Checked when
 * the server starts: a wrong address fails the start naming its key, not the first link a person follows.
 *
 * <p>The addresses are only what is configured; {@link PlatformAddresses} fills in the server's own port for what is
 * not set, when used, because the port is known only once the web server listens.
 *
 * @param publicBaseUrl the platform's public address, in links, notices, SMS receipts' callbacks and every
 *                      certificate's verification URL; set it behind a proxy. Not set: http://localhost:{port}
 * @param stateSystems  the state systems' gateway
 * @param ncalayer      the NCALayer the sign-in pages' JavaScript talks to
 * @param web           the pages
 * @param sandbox       the emulated outside world (its own settings are the sandbox module's, {@code tirkeu.sandbox.*})
 */
@ConfigurationProperties("tirkeu")
public record PlatformProperties(String publicBaseUrl, @DefaultValue StateSystems stateSystems, @DefaultValue NcaLayer ncalayer,
                                 @DefaultValue Web web, @DefaultValue Sandbox sandbox) {

    public PlatformProperties {
        publicBaseUrl = httpAddress("tirkeu.public-base-url", publicBaseUrl);
    }

    /**
     * @param baseUrl the state systems' base address: the sandbox, or a gateway such as ШЭП (the other
     *                {@code tirkeu.state-systems.*} settings are the state-system clients'). Not set: the sandbox of
     *                this server, http://localhost:{port}/sandbox
     */
    public record StateSystems(String baseUrl) {
        public StateSystems {
            baseUrl = httpAddress("tirkeu.state-systems.base-url", baseUrl);
        }
    }

    /**
     * @param url NCALayer's WebSocket, e.g. wss://127.0.0.1:13579 for the real one; not set: the sandbox signer of this
     *            server (ws://…/sandbox/ncalayer)
     */
    public record NcaLayer(String url) {
        public NcaLayer {
            url = url == null || url.isBlank() ? null : url.strip();
            if (url != null && !url.matches("wss?://.+")) {
                throw new IllegalArgumentException("tirkeu.ncalayer.url must be a ws:// or wss:// address such as wss://127.0.0.1:13579, not '" + url + "'");
            }
        }
    }

    /** @param listRefresh how often an open police queue or PSC list looks for news by itself */
    public record Web(@DefaultValue("15s") Duration listRefresh) {
        public Web {
            if (listRefresh == null || listRefresh.isNegative() || listRefresh.isZero()) {
                throw new IllegalArgumentException("tirkeu.web.list-refresh must be positive, not " + listRefresh);
            }
        }
    }

    /**
     * @param enabled whether the sandbox runs in this server; false in an installation that talks to the real state
     *                systems (the server then refuses to start while a value the sandbox publishes is in force)
     */
    public record Sandbox(@DefaultValue("true") boolean enabled) {}

    /** Blank is "not set"; otherwise an absolute http(s) address, kept without its trailing slash. */
    private static String httpAddress(String key, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String address = value.strip();
        URI uri;
        try {
            uri = URI.create(address);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(key + " is not an address: '" + address + "'", e);
        }
        if (!("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) || uri.getHost() == null || uri.getQuery() != null) {
            throw new IllegalArgumentException(key + " must be an absolute http(s) address such as https://tirkeu.example.kz, not '" + address + "'");
        }
        return address.endsWith("/") ? address.substring(0, address.length() - 1) : address;
    }
}
