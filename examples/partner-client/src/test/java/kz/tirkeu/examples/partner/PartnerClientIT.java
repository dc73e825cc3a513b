package kz.tirkeu.examples.partner;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The example against the default run, as an integrator would try it: the built server jar started in its own
 * process (its own PostgreSQL, the sandbox inside), on free ports, and the partner client driving it over HTTP.
 */
class PartnerClientIT {

    private static Process server;
    private static URI base;
    private static Path log;

    @BeforeAll
    static void startTheDefaultRun() throws Exception {
        Path jar = Path.of(System.getProperty("tirkeu.server.jar", "../../server/target/tirkeu-server.jar"));
        assertThat(jar).as("build the server first: ./mvnw -pl server -am package").exists();
        Path work = Files.createDirectories(Path.of(System.getProperty("tirkeu.example.work", "target/default-run")));
        int port = freePort();
        log = work.resolve("server.log");
        ProcessBuilder builder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx768m", "-jar", jar.toAbsolutePath().toString(), "--tirkeu.sandbox.mail.smtp-port=0")
                .directory(work.toFile()).redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().put("PORT", String.valueOf(port));
        builder.environment().put("TIRKEU_DB_PORT", String.valueOf(freePort()));
        server = builder.start();
        base = URI.create("http://localhost:" + port);
        awaitHealthy(Duration.ofMinutes(4));
    }

    @AfterAll
    static void stop() throws Exception {
        if (server != null) {
            server.destroy(); // SIGTERM: Spring shuts down and stops its PostgreSQL
            if (!server.waitFor(60, TimeUnit.SECONDS)) {
                server.destroyForcibly();
            }
        }
    }

    @Test
    void aPartnerDrivesARegistrationFromTheDealersApplicationToTheRegisteredCar() throws Exception {
        ByteArrayOutputStream progress = new ByteArrayOutputStream();

        PartnerClient.Registered registered = new PartnerClient(new Api(base, "ru"), new PrintStream(progress, true, StandardCharsets.UTF_8))
                .register("dealer1-manager", "buyer-aidar");

        assertThat(registered.plate()).as(progress.toString(StandardCharsets.UTF_8)).isNotBlank();
        assertThat(registered.certificate()).isNotBlank();
        assertThat(registered.verificationUrl()).startsWith(base + "/verify/");
        assertThat(progress.toString(StandardCharsets.UTF_8)).contains("S9: the dealer signed").contains("REGISTERED");
    }

    @Test
    void aRefusedRequestComesBackAsAProblemWithItsCodeAndWordsInTheAskedLanguage() {
        Api russian = new Api(base, "ru");

        Api.Problem problem = org.junit.jupiter.api.Assertions.assertThrows(Api.Problem.class,
                () -> russian.post("/api/v1/auth/sign-ins/00000000-0000-0000-0000-000000000000/confirmation", java.util.Map.of("code", "000000"), null));

        assertThat(problem.code()).isEqualTo("SIGN_IN_UNKNOWN");
        assertThat(problem.getMessage()).contains("Этот вход неизвестен");
    }

    private static void awaitHealthy(Duration patience) throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        Instant deadline = Instant.now().plus(patience);
        while (Instant.now().isBefore(deadline)) {
            if (!server.isAlive()) {
                throw new AssertionError("the server stopped:\n" + tail());
            }
            try {
                HttpResponse<String> health = http.send(HttpRequest.newBuilder(base.resolve("/actuator/health")).build(), HttpResponse.BodyHandlers.ofString());
                if (health.statusCode() == 200 && health.body().contains("UP")) {
                    return;
                }
            } catch (IOException notYet) {
                // still starting
            }
            Thread.sleep(500);
        }
        throw new AssertionError("the server did not become healthy in " + patience + ":\n" + tail());
    }

    private static String tail() throws IOException {
        String all = Files.readString(log);
        return all.substring(Math.max(0, all.length() - 4000));
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
