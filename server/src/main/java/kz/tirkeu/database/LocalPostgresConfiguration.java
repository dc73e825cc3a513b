package kz.tirkeu.database;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.jdbc.autoconfigure.JdbcConnectionDetails;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;

/**
 * Starts the {@link LocalPostgres} when no external database is configured and hands its address to
 * Spring Boot as {@link JdbcConnectionDetails}: Boot then builds the usual Hikari pool, health check,
 * pool metrics and Flyway run on it, exactly as it would for an external PostgreSQL.
 */
@Configuration(proxyBeanMethods = false)
@Conditional(NoExternalDatabase.class)
@EnableConfigurationProperties(LocalPostgresProperties.class)
class LocalPostgresConfiguration {

    @Bean
    LocalPostgres localPostgres(LocalPostgresProperties properties) {
        return properties.temporary()
                ? LocalPostgres.sharedTemporary()
                : LocalPostgres.persistent(properties.directory(), properties.port());
    }

    // Depending on the server (not only its address) makes Spring close the pool before stopping it.
    @Bean
    JdbcConnectionDetails localPostgresConnectionDetails(LocalPostgres localPostgres) {
        return localPostgres.connectionDetails();
    }
}
