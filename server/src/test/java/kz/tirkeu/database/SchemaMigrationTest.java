package kz.tirkeu.database;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;

import java.util.List;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The schema the platform runs on is the one Flyway built, in PostgreSQL 18, and tests build it in a
 * throw-away server rather than in the developer's ./.tirkeu data.
 */
@SpringBootTest
class SchemaMigrationTest {

    @Autowired
    JdbcClient jdbc;

    @Autowired
    DataSource dataSource;

    @Autowired
    LocalPostgres localPostgres;

    record AppliedMigration(String version, boolean success) {
    }

    @Test
    void flywayAppliedTheBaselineMigration() {
        List<AppliedMigration> applied = jdbc.sql("SELECT version, success FROM flyway_schema_history WHERE version IS NOT NULL ORDER BY installed_rank")
                .query(AppliedMigration.class)
                .list();

        assertThat(applied).first().isEqualTo(new AppliedMigration("1", true));
        assertThat(applied).allMatch(AppliedMigration::success);
    }

    @Test
    void theBaselineMigrationRanItsSql() {
        String comment = jdbc.sql("SELECT obj_description('public'::regnamespace, 'pg_namespace')")
                .query(String.class)
                .single();

        assertThat(comment).startsWith("Tirkeu:");
    }

    @Test
    void theDatabaseIsPostgreSql18() {
        int major = jdbc.sql("SELECT current_setting('server_version_num')::int / 10000")
                .query(Integer.class)
                .single();

        assertThat(major).isEqualTo(18);
    }

    @Test
    void testsRunOnTheSharedThrowAwayServerNotOnTheDevelopersData() {
        assertThat(localPostgres.isTemporary()).isTrue();
        assertThat(localPostgres).isSameAs(LocalPostgres.sharedTemporary());
        assertThat(((HikariDataSource) dataSource).getJdbcUrl()).isEqualTo(localPostgres.jdbcUrl());
        assertThat(jdbc.sql("SELECT current_database()").query(String.class).single()).isEqualTo("tirkeu");
    }
}
