package kz.tirkeu.notification;

import java.net.URI;

import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * This server's own address, for the defaults that point at it: the sandbox's SMS centre and the
 * receipt callback. Read when used, not at startup, because the port is only known once the web server
 * listens (port 0 picks one).
 */
@Component
class LocalServerAddress {

    private final Environment environment;

    LocalServerAddress(Environment environment) {
        this.environment = environment;
    }

    URI resolve(String path) {
        Integer port = environment.getProperty("local.server.port", Integer.class,
                environment.getProperty("server.port", Integer.class, 8080));
        String contextPath = environment.getProperty("server.servlet.context-path", "");
        if (contextPath.endsWith("/")) {
            contextPath = contextPath.substring(0, contextPath.length() - 1);
        }
        return URI.create("http://localhost:" + port + contextPath + path);
    }
}
