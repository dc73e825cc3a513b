package kz.tirkeu.sandbox;

import java.net.URI;
import java.util.Optional;
import kz.tirkeu.sandbox.web.SandboxNotReadyException;
import org.springframework.boot.web.server.context.WebServerInitializedEvent;
import org.springframework.context.ApplicationListener;

/**
 * The public address of the sandbox. Configured, or learnt from the web server once it listens: tests
 * and {@code server.port=0} only know their port then, and the CA needs the address before it can
 * issue a single certificate.
 */
public final class SandboxAddress implements ApplicationListener<WebServerInitializedEvent> {

    /** Where the sandbox's routes live on this server, below the servlet context path. */
    public static final String PATH = "/sandbox";

    private final Optional<URI> configured;
    private final String contextPath;
    private volatile URI base;

    public SandboxAddress(Optional<URI> configured, String contextPath) {
        this.configured = configured.map(SandboxAddress::withoutTrailingSlash);
        this.contextPath = contextPath == null ? "" : withoutTrailingSlash(contextPath);
        this.base = this.configured.orElse(null);
    }

    /** An address fixed from the start, e.g. for a sandbox used without a web server of its own. */
    public static SandboxAddress fixed(URI base) {
        return new SandboxAddress(Optional.of(base), "");
    }

    @Override
    public void onApplicationEvent(WebServerInitializedEvent event) {
        // A separate management server (management.server.port) has a namespace; the sandbox is not on it.
        if (configured.isEmpty() && event.getApplicationContext().getServerNamespace() == null) {
            base = URI.create("http://localhost:" + event.getWebServer().getPort() + contextPath + PATH);
        }
    }

    /** The base address, without a trailing slash. */
    public URI base() {
        URI known = base;
        if (known == null) {
            throw new SandboxNotReadyException("The sandbox does not know its address yet: the web server is still starting.");
        }
        return known;
    }

    /** An address below the base, e.g. {@code resolve("/ca/ocsp")}. */
    public URI resolve(String path) {
        return URI.create(base() + path);
    }

    private static URI withoutTrailingSlash(URI uri) {
        return URI.create(withoutTrailingSlash(uri.toString()));
    }

    private static String withoutTrailingSlash(String value) {
        String result = value;
        while (result.endsWith("/")) {
            result = result.substring(0, result.length() - 1);
        }
        return result;
    }
}
