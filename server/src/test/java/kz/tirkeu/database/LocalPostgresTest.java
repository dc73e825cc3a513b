package kz.tirkeu.database;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.sql.SQLException;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

class LocalPostgresTest {

    @TempDir
    Path directory;

    @Test
    void dataSurvivesARestartOfTheServer() throws Exception {
        int port = freePort();
        try (LocalPostgres first = LocalPostgres.persistent(directory, port)) {
            JdbcClient jdbc = jdbcClient(first);
            jdbc.sql("CREATE TABLE plate (number text PRIMARY KEY)").update();
            jdbc.sql("INSERT INTO plate VALUES ('777 ABA 02')").update();
        }

        try (LocalPostgres second = LocalPostgres.persistent(directory, port)) {
            assertThat(jdbcClient(second).sql("SELECT number FROM plate").query(String.class).list())
                    .containsExactly("777 ABA 02");
        }
    }

    @Test
    void closingStopsThePersistentServer() throws Exception {
        LocalPostgres server = LocalPostgres.persistent(directory, freePort());
        JdbcClient jdbc = jdbcClient(server);

        server.close();

        assertThatThrownBy(() -> jdbc.sql("SELECT 1").query(Integer.class).single())
                .rootCause().isInstanceOfAny(SQLException.class, IOException.class);
    }

    @Test
    void aSecondServerOnTheSameDataIsRefusedWithAnExplanation() throws Exception {
        int port = freePort();
        try (LocalPostgres running = LocalPostgres.persistent(directory, port)) {
            assertThatThrownBy(() -> LocalPostgres.persistent(directory, freePort()))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining(directory.toString())
                    .hasMessageContaining("TIRKEU_DB_PORT");
        }
    }

    private static JdbcClient jdbcClient(LocalPostgres server) {
        var details = server.connectionDetails();
        return JdbcClient.create(new DriverManagerDataSource(details.getJdbcUrl(), details.getUsername(), details.getPassword()));
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
