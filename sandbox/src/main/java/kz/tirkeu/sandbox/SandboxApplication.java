package kz.tirkeu.sandbox;

import java.util.Map;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;

/**
 * The sandbox on its own, without the platform: {@code java -cp … kz.tirkeu.sandbox.SandboxApplication}
 * or {@code ./mvnw -pl sandbox -am spring-boot:run -Dsandbox.run.skip=false}. Listens on 8090 and keeps
 * its CA in {@code ./.tirkeu/sandbox-standalone} unless told otherwise (--server.port, --tirkeu.sandbox.data-dir).
 *
 * <p>Only {@code @EnableAutoConfiguration}, not {@code @SpringBootApplication}: the server's component
 * scan and its tests' search for a {@code @SpringBootConfiguration} both cover {@code kz.tirkeu.**}, and
 * must not find a second application here.
 */
@EnableAutoConfiguration
public class SandboxApplication {

    public static void main(String[] args) {
        SpringApplication application = new SpringApplication(SandboxApplication.class);
        application.setDefaultProperties(Map.of(
                "spring.application.name", "tirkeu-sandbox",
                "server.port", "8090",
                "spring.threads.virtual.enabled", "true",
                // Not the server's .tirkeu/sandbox: the two listen on different ports, so each would reset the other's CA.
                "tirkeu.sandbox.data-dir", ".tirkeu/sandbox-standalone"));
        application.run(args);
    }
}
