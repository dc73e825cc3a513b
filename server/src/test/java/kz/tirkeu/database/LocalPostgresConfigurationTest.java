package kz.tirkeu.database;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.boot.jdbc.autoconfigure.JdbcConnectionDetails;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

class LocalPostgresConfigurationTest {

    private final ApplicationContextRunner context = new ApplicationContextRunner()
            .withUserConfiguration(LocalPostgresConfiguration.class)
            .withPropertyValues("tirkeu.local-postgres.temporary=true");

    @Test
    void anExternalDatabaseReplacesTheLocalOne() {
        context.withPropertyValues("spring.datasource.url=jdbc:postgresql://db.internal:5432/tirkeu")
                .run(started -> assertThat(started)
                        .hasNotFailed()
                        .doesNotHaveBean(LocalPostgres.class)
                        .doesNotHaveBean(JdbcConnectionDetails.class));
    }

    @Test
    void withoutAnExternalDatabaseTheLocalOneIsUsed() {
        context.run(started -> {
            assertThat(started).hasSingleBean(LocalPostgres.class);
            assertThat(started.getBean(JdbcConnectionDetails.class).getJdbcUrl())
                    .isEqualTo(started.getBean(LocalPostgres.class).jdbcUrl());
        });
    }

    @Test
    void aBlankDatabaseUrlCountsAsNone() {
        context.withPropertyValues("spring.datasource.url=")
                .run(started -> assertThat(started).hasSingleBean(LocalPostgres.class));
    }
}
