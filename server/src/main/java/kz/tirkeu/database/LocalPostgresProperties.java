package kz.tirkeu.database;

import java.nio.file.Path;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Where the local PostgreSQL keeps its data and listens; defaults are in application.yml.
 *
 * @param directory data directory of the persistent server, relative to the working directory
 * @param port      port of the persistent server (env {@code TIRKEU_DB_PORT})
 * @param temporary use the JVM's shared throw-away server instead (tests), ignoring directory and port
 */
@ConfigurationProperties("tirkeu.local-postgres")
public record LocalPostgresProperties(Path directory, int port, boolean temporary) {
}
