package kz.tirkeu.database;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;

import org.springframework.boot.jdbc.autoconfigure.JdbcConnectionDetails;

/**
 * A real PostgreSQL server that the platform starts itself, from binaries that come from Maven Central,
 * when no external database is configured: so a fresh clone runs, and its tests pass, with nothing
 * installed but a JDK. Production points {@code SPRING_DATASOURCE_URL} at an external PostgreSQL instead.
 *
 * <p>It listens on localhost only and trusts local connections without a password, which is why it is
 * for one developer's machine and for tests, never for a shared host.
 */
public final class LocalPostgres implements AutoCloseable {

    /** The platform's own database inside the server, so its tables stay out of the maintenance database. */
    static final String DATABASE = "tirkeu";
    private static final String SUPERUSER = "postgres";
    // initdb plus the first start can be slow on a busy CI machine; the library's 10 s is too tight.
    private static final Duration STARTUP_WAIT = Duration.ofSeconds(60);

    private static LocalPostgres sharedTemporary;

    private final EmbeddedPostgres server;
    private final boolean temporary;

    private LocalPostgres(EmbeddedPostgres server, boolean temporary) {
        this.server = server;
        this.temporary = temporary;
    }

    private static LocalPostgres ready(EmbeddedPostgres server, boolean temporary) throws IOException {
        try {
            createDatabaseIfMissing(server);
            return new LocalPostgres(server, temporary);
        } catch (RuntimeException e) {
            server.close();
            throw e;
        }
    }

    /**
     * A server whose data is kept in {@code dataDirectory}, so that applications, registrations and the
     * journal survive a restart of the platform. Stopped by {@link #close()}.
     */
    public static LocalPostgres persistent(Path dataDirectory, int port) {
        Path directory = dataDirectory.toAbsolutePath().normalize();
        try {
            Files.createDirectories(directory);
            EmbeddedPostgres server = EmbeddedPostgres.builder()
                    .setDataDirectory(directory)
                    .setCleanDataDirectory(false)
                    .setPort(port)
                    .setPGStartupWait(STARTUP_WAIT)
                    .setLocaleConfig("locale", "C")
                    // The library runs PostgreSQL with fsync off, fine for throw-away test data but not
                    // for data that is meant to survive a crash of the machine.
                    .setServerConfig("fsync", "on")
                    // Spring closes this bean after the connection pool; the library's own JVM hook would
                    // race with graceful shutdown and cut off requests that are still finishing.
                    .setRegisterShutdownHook(false)
                    .start();
            return ready(server, false);
        } catch (IOException | RuntimeException e) {
            throw new IllegalStateException(("Could not start the local PostgreSQL in %s on port %d. If a previous run "
                    + "was killed, its PostgreSQL may still be running: stop the process whose id is on the first line "
                    + "of %s, or choose another port with TIRKEU_DB_PORT.")
                    .formatted(directory, port, directory.resolve("postmaster.pid")), e);
        }
    }

    /**
     * One throw-away server per JVM, in a temporary directory on a free port, shared by every Spring
     * context that asks for it (so a test suite with several contexts starts PostgreSQL once) and
     * deleted when the JVM exits.
     */
    public static synchronized LocalPostgres sharedTemporary() {
        if (sharedTemporary == null) {
            try {
                EmbeddedPostgres server = EmbeddedPostgres.builder()
                        .setCleanDataDirectory(true)
                        .setPGStartupWait(STARTUP_WAIT)
                        .setLocaleConfig("locale", "C")
                        .setRegisterShutdownHook(true)
                        .start();
                sharedTemporary = ready(server, true);
            } catch (IOException e) {
                throw new UncheckedIOException("Could not start the temporary local PostgreSQL", e);
            }
        }
        return sharedTemporary;
    }

    public boolean isTemporary() {
        return temporary;
    }

    public int port() {
        return server.getPort();
    }

    public String jdbcUrl() {
        return "jdbc:postgresql://localhost:%d/%s".formatted(server.getPort(), DATABASE);
    }

    /** How Spring Boot's connection pool reaches this server, in place of {@code spring.datasource.*}. */
    public JdbcConnectionDetails connectionDetails() {
        String url = jdbcUrl();
        return new JdbcConnectionDetails() {
            @Override
            public String getJdbcUrl() {
                return url;
            }

            @Override
            public String getUsername() {
                return SUPERUSER;
            }

            @Override
            public String getPassword() {
                return "";
            }
        };
    }

    /** Stops a persistent server. The shared temporary one belongs to the JVM and outlives any one context. */
    @Override
    public void close() throws IOException {
        if (!temporary) {
            server.close();
        }
    }

    private static void createDatabaseIfMissing(EmbeddedPostgres server) {
        try (Connection connection = server.getPostgresDatabase().getConnection();
             PreparedStatement exists = connection.prepareStatement("SELECT 1 FROM pg_database WHERE datname = ?")) {
            exists.setString(1, DATABASE);
            try (ResultSet found = exists.executeQuery()) {
                if (found.next()) {
                    return;
                }
            }
            try (Statement create = connection.createStatement()) {
                create.execute("CREATE DATABASE " + DATABASE);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not create the database '" + DATABASE + "' in the local PostgreSQL", e);
        }
    }
}
