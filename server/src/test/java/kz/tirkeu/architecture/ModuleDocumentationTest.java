package kz.tirkeu.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.springframework.modulith.docs.Documenter;

/**
 * docs/modules is the business areas as the code has them: Spring Modulith's C4 component diagram of all areas,
 * one diagram and one module canvas per area (PlantUML and AsciiDoc). The test regenerates them and fails when
 * the committed copy is out of date; {@code -Dtirkeu.modules.update=true} writes the new copy.
 */
class ModuleDocumentationTest {

    private static final Path COMMITTED = Path.of("..", "docs", "modules");

    @Test
    void theCommittedModuleDocumentationIsTheCodes() throws IOException {
        Path generated = Path.of("target", "modulith-docs");
        new Documenter(ModuleBoundariesTest.MODULES, Documenter.Options.defaults().withOutputFolder(generated.toString()))
                .writeDocumentation(Documenter.DiagramOptions.defaults().withStyle(Documenter.DiagramOptions.DiagramStyle.C4),
                        Documenter.CanvasOptions.defaults());
        if (Boolean.getBoolean("tirkeu.modules.update")) {
            replace(COMMITTED, generated);
        }
        assertThat(files(COMMITTED))
                .as("docs/modules is out of date: run ./mvnw -pl server test -Dtest=ModuleDocumentationTest -Dtirkeu.modules.update=true")
                .isEqualTo(files(generated));
    }

    private static Map<String, List<String>> files(Path folder) throws IOException {
        Map<String, List<String>> files = new TreeMap<>();
        if (Files.isDirectory(folder)) {
            try (Stream<Path> paths = Files.list(folder)) {
                for (Path path : paths.filter(Files::isRegularFile).toList()) {
                    // Spring Modulith lists relations in no fixed order: the same lines, in any order, are the same document.
                    files.put(path.getFileName().toString(), Files.readString(path).lines().sorted().toList());
                }
            }
        }
        return files;
    }

    private static void replace(Path committed, Path generated) throws IOException {
        Files.createDirectories(committed);
        try (Stream<Path> old = Files.list(committed)) {
            for (Path path : old.toList()) {
                Files.delete(path);
            }
        }
        try (Stream<Path> fresh = Files.list(generated)) {
            for (Path path : fresh.filter(Files::isRegularFile).toList()) {
                Files.copy(path, committed.resolve(path.getFileName()));
            }
        }
    }
}
