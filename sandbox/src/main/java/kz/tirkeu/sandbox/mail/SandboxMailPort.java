package kz.tirkeu.sandbox.mail;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.Map;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * {@code tirkeu.sandbox.mail.smtp-port=0} (any free port, as tests use) becomes the free port itself
 * before any bean is made, so that {@code spring.mail.port=${tirkeu.sandbox.mail.smtp-port}} points the
 * platform's mail sender at the catcher whatever order the beans are created in.
 */
public final class SandboxMailPort implements EnvironmentPostProcessor {

    static final String PORT = "tirkeu.sandbox.mail.smtp-port";
    static final String SOURCE = "tirkeuSandboxMailPort";

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        boolean catcherOn = environment.getProperty("tirkeu.sandbox.enabled", Boolean.class, true)
                && environment.getProperty("tirkeu.sandbox.mail.enabled", Boolean.class, true);
        if (catcherOn && "0".equals(environment.getProperty(PORT, "").strip())) {
            environment.getPropertySources().addFirst(new MapPropertySource(SOURCE, Map.of(PORT, freePort())));
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot find a free port for the sandbox mail catcher", e);
        }
    }
}
