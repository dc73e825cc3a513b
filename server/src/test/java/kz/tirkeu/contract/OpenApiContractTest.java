package kz.tirkeu.contract;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import kz.tirkeu.testing.TirkeuClient;
import kz.tirkeu.testing.TirkeuServerTest;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The OpenAPI document is a contract partners build clients from, so it is committed (docs/openapi.json) and every
 * change to it shows in a review's diff: this test fails when the served document differs from the committed one.
 * After a deliberate change, run it with {@code -Dtirkeu.openapi.update=true} to write the new document, and commit it:
 * {@code ./mvnw -B -q -o -pl server test -Dtest=OpenApiContractTest -Dtirkeu.openapi.update=true}. The generated client
 * of the test sources (GeneratedClientTest) is made from the committed file, so a test that needs a new operation of the
 * client compiles once the document that has it is committed.
 */
@TirkeuServerTest
class OpenApiContractTest {

    static final Path COMMITTED = Path.of("..", "docs", "openapi.json");

    @LocalServerPort
    int port;

    @Test
    void theServedDocumentIsTheCommittedOne() throws IOException {
        String served = canonical(new TirkeuClient(port).get("/v3/api-docs", null).raw().body());
        if (Boolean.getBoolean("tirkeu.openapi.update")) {
            Files.writeString(COMMITTED, served, StandardCharsets.UTF_8);
        }
        String committed = Files.exists(COMMITTED) ? Files.readString(COMMITTED, StandardCharsets.UTF_8) : "";
        if (!served.equals(committed)) {
            Path actual = Path.of("target", "openapi-served.json");
            Files.writeString(actual, served, StandardCharsets.UTF_8);
            assertThat(served).as("The served OpenAPI document differs from docs/openapi.json (the served one is in server/" + actual
                    + "). If the change is meant, run this test with -Dtirkeu.openapi.update=true and commit docs/openapi.json.").isEqualTo(committed);
        }
    }

    /** Keys sorted, indented, and without the server address, which is this test's random port and no part of the contract. */
    static String canonical(String document) {
        JsonMapper json = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS).build();
        ObjectNode tree = (ObjectNode) json.readTree(document);
        tree.remove("servers");
        return json.writeValueAsString(json.treeToValue(tree, Map.class)) + "\n";
    }
}
