package kz.tirkeu.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import kz.tirkeu.TirkeuApplication;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.SpringApplication;

/**
 * Issue [11]: the server started with the sandbox off and nothing else set initialised and started a PostgreSQL of its own
 * before it refused to go on. Start-up now stops at once, naming each missing setting, before any bean exists.
 */
class ProductionSafetyStartupTest {

    @TempDir
    Path work;

    @Test
    void theSandboxOffAndNothingSetStopsBeforeAnythingStarts() throws IOException {
        Path database = work.resolve("postgres");
        int port;
        try (ServerSocket free = new ServerSocket(0)) {
            port = free.getLocalPort();
        }
        String[] arguments = {"--tirkeu.sandbox.enabled=false", "--server.port=0", "--tirkeu.local-postgres.temporary=false",
                "--tirkeu.local-postgres.directory=" + database, "--tirkeu.local-postgres.port=" + port};

        assertThatThrownBy(() -> SpringApplication.run(TirkeuApplication.class, arguments).close())
                .hasStackTraceContaining("spring.datasource.url (SPRING_DATASOURCE_URL")
                .hasStackTraceContaining("tirkeu.public-base-url (TIRKEU_PUBLIC_BASE_URL)")
                .hasStackTraceContaining("tirkeu.pki.trust-anchors (TIRKEU_PKI_TRUST_ANCHORS)");
        assertThat(Files.exists(database)).as("no PostgreSQL was initialised in " + database).isFalse();
    }
}
