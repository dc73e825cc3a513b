package kz.tirkeu.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * docs/CONFIGURATION.md is every {@code tirkeu.*} setting of the server as the code has it: rendered from the metadata
 * the configuration processor writes from the {@code @ConfigurationProperties} records (name, type, {@code @DefaultValue},
 * Javadoc {@code @param}). The test fails when the committed page is out of date; {@code -Dtirkeu.configuration.update=true}
 * writes the new one. Only the server's own metadata, not the sandbox jar's, so that the page does not depend on which
 * copy of the sandbox module happens to be on the class path.
 */
class ConfigurationDocumentationTest {

    private static final Path COMMITTED = Path.of("..", "docs", "CONFIGURATION.md");
    private static final Path METADATA = Path.of("target", "classes", "META-INF", "spring-configuration-metadata.json");

    @Test
    void theCommittedConfigurationPageIsTheCodes() throws IOException {
        String page = render(JsonMapper.builder().build().readTree(Files.readString(METADATA)));
        if (Boolean.getBoolean("tirkeu.configuration.update")) {
            Files.writeString(COMMITTED, page);
        }
        assertThat(Files.exists(COMMITTED) ? Files.readString(COMMITTED) : "")
                .as("docs/CONFIGURATION.md is out of date: run ./mvnw -pl server test -Dtest=ConfigurationDocumentationTest -Dtirkeu.configuration.update=true")
                .isEqualTo(page);
    }

    /** What a record says must reach the page: the public address people ask for most, with its description. */
    @Test
    void everySettingOfTheRecordsIsInTheMetadataWithADescriptionWhereTheRecordGivesOne() throws IOException {
        Map<String, JsonNode> settings = settings(JsonMapper.builder().build().readTree(Files.readString(METADATA)));
        assertThat(settings).containsKeys("tirkeu.public-base-url", "tirkeu.state-systems.base-url", "tirkeu.ncalayer.url", "tirkeu.web.list-refresh",
                "tirkeu.management.metrics-token", "tirkeu.pki.trust-anchors", "tirkeu.identity.challenges-per-minute", "tirkeu.retention.enabled");
        assertThat(settings.get("tirkeu.public-base-url").path("description").asString()).contains("public address");
        assertThat(settings.get("tirkeu.web.list-refresh").path("defaultValue").asString()).isEqualTo("15s");
    }

    static String render(JsonNode metadata) {
        Map<String, List<JsonNode>> byArea = new TreeMap<>();
        settings(metadata).forEach((name, setting) -> byArea.computeIfAbsent(area(name), a -> new ArrayList<>()).add(setting));
        StringBuilder page = new StringBuilder("""
                # Configuration

                Every `tirkeu.*` setting of the server, generated from the `@ConfigurationProperties` records (their
                `@DefaultValue` and Javadoc) by `ConfigurationDocumentationTest`; do not edit by hand, run
                `./mvnw -pl server test -Dtest=ConfigurationDocumentationTest -Dtirkeu.configuration.update=true`.

                Each is settable in `server/src/main/resources/application.yml` or by environment variable (Spring's relaxed
                names: `tirkeu.application.buyer-deadline` → `TIRKEU_APPLICATION_BUYERDEADLINE`); `application.yml` also reads
                some under names of its own, e.g. `TIRKEU_PUBLIC_BASE_URL`. The default is the code's; `application.yml`
                may set another. A value the records refuse (e.g. an address that is no http(s) address) stops the start
                and names the setting. With the sandbox off, [docs/DEPLOYMENT.md](DEPLOYMENT.md) lists what must be set.
                The sandbox module's own settings (`tirkeu.sandbox.*` other than `enabled`) are in
                [sandbox/README.md](../sandbox/README.md).
                """);
        byArea.forEach((area, settings) -> {
            page.append("\n## ").append(area).append("\n\n| Setting | Type | Default | What |\n|---|---|---|---|\n");
            for (JsonNode setting : settings) {
                page.append("| `").append(setting.path("name").asString()).append("` | ").append(type(setting.path("type").asString()))
                        .append(" | ").append(defaultOf(setting.path("defaultValue"))).append(" | ")
                        .append(cell(setting.path("description").asString(""))).append(" |\n");
            }
        });
        return page.toString();
    }

    /** The {@code tirkeu.*} properties by name; a name two records describe (a nested group) is listed once, with a description if either has one. */
    private static Map<String, JsonNode> settings(JsonNode metadata) {
        Map<String, JsonNode> settings = new TreeMap<>();
        for (JsonNode property : metadata.path("properties")) {
            String name = property.path("name").asString();
            if (name.startsWith("tirkeu.")) {
                settings.merge(name, property, (first, second) -> first.path("description").isMissingNode() ? second : first);
            }
        }
        return new LinkedHashMap<>(settings);
    }

    /** {@code tirkeu.identity.code-validity} is identity's; a top-level one ({@code tirkeu.public-base-url}) the platform's. */
    private static String area(String name) {
        String[] parts = name.split("\\.");
        return parts.length <= 2 ? "tirkeu (platform)" : "tirkeu." + parts[1];
    }

    private static String type(String type) {
        return "`" + type.replaceAll("\\b[a-z]+(\\.[a-z]+)*\\.", "").replace("$", ".") + "`";
    }

    private static String defaultOf(JsonNode value) {
        if (value.isMissingNode() || value.isNull()) {
            return "";
        }
        if (value.isArray()) {
            List<String> items = new ArrayList<>();
            value.forEach(item -> items.add(item.asString()));
            return items.isEmpty() ? "" : "`" + String.join(", ", items) + "`";
        }
        return value.asString().isEmpty() ? "`\"\"`" : "`" + value.asString() + "`";
    }

    /** One table cell: one line, Javadoc's inline tags as Markdown. */
    private static String cell(String text) {
        return text.replaceAll("\\s+", " ").replaceAll("\\{@code ([^}]*)}", "`$1`").replaceAll("\\{@link (?:[\\w.]+\\.)?([^}]*)}", "$1")
                .replace("|", "\\|").strip();
    }
}
