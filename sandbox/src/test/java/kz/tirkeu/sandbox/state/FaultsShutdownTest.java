package kz.tirkeu.sandbox.state;

import static kz.tirkeu.sandbox.SandboxHttp.ok;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import kz.tirkeu.sandbox.SandboxApplication;
import kz.tirkeu.sandbox.SandboxHttp;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/** A request held by a timeout fault does not hold up the sandbox's (graceful) shutdown. */
class FaultsShutdownTest {

    @TempDir
    Path dataDir;

    @Test
    void stoppingLetsHeldRequestsGo() throws Exception {
        ConfigurableApplicationContext context = new SpringApplicationBuilder(SandboxApplication.class)
                .properties("server.port=0", "tirkeu.sandbox.data-dir=" + dataDir, "tirkeu.sandbox.mail.enabled=false",
                        "tirkeu.sandbox.prepare-on-startup=false")
                .run();
        SandboxHttp sandbox = SandboxHttp.onPort(Integer.parseInt(context.getEnvironment().getProperty("local.server.port")));
        ok(sandbox.put("/faults/psc", "{\"timeoutRate\": 1.0}"));
        var held = HttpClient.newHttpClient().sendAsync(HttpRequest.newBuilder(URI.create(sandbox.base() + "/psc/v1/centres")).build(),
                HttpResponse.BodyHandlers.discarding());
        // Held for certain, not just "not answered yet": the fault has the request in its hands.
        StateSystemFaults faults = context.getBean(StateSystemFaults.class);
        await("the PSC request held by the timeout fault").atMost(Duration.ofSeconds(10)).until(faults::holding, count -> count == 1);
        assertThat(held).isNotDone();

        long started = System.nanoTime();
        context.close();

        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(10));
        assertThat(faults.holding()).as("let go by the shutdown, not by the 30 s hold").isZero();
    }
}
