package kz.tirkeu.sandbox;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * Where the sandbox keeps its state: the CA under {@code ca/}, the personas' key files under
 * {@code personas/}. A temporary one is removed when the application stops, so tests leave nothing behind.
 */
public final class SandboxDataDirectory implements AutoCloseable {

    private final Path root;
    private final boolean temporary;

    private SandboxDataDirectory(Path root, boolean temporary) {
        this.root = root;
        this.temporary = temporary;
    }

    public static SandboxDataDirectory at(Path root) {
        return new SandboxDataDirectory(root.toAbsolutePath().normalize(), false);
    }

    public static SandboxDataDirectory temporary() {
        try {
            return new SandboxDataDirectory(Files.createTempDirectory("tirkeu-sandbox-"), true);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create a temporary directory for the sandbox", e);
        }
    }

    static SandboxDataDirectory of(SandboxProperties properties) {
        return properties.temporary() ? temporary() : at(properties.dataDir());
    }

    public Path root() {
        return root;
    }

    public Path ca() {
        return root.resolve("ca");
    }

    public Path personas() {
        return root.resolve("personas");
    }

    @Override
    public void close() {
        if (temporary) {
            deleteRecursively(root);
        }
    }

    /** Deletes a directory and everything in it; a missing directory is fine. */
    public static void deleteRecursively(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete " + dir, e);
        }
    }
}
