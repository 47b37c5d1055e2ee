package dev.lookalike.tools.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/** A new folder under the system's temporary folder, deleted with everything in it on {@link #close}. */
public final class TempFolder implements AutoCloseable {

    private final Path path;

    private TempFolder(Path path) {
        this.path = path;
    }

    /**
     * @param prefix the start of the folder's name, e.g. {@code lookalike-bench-}
     * @return the new, empty folder
     * @throws IOException if it cannot be made
     */
    public static TempFolder create(String prefix) throws IOException {
        return new TempFolder(Files.createTempDirectory(prefix));
    }

    /** @return the folder */
    public Path path() {
        return path;
    }

    /**
     * Deletes the folder and everything in it, deepest first.
     *
     * @throws IOException if something cannot be deleted
     */
    @Override
    public void close() throws IOException {
        deleteTree(path);
    }

    /**
     * Deletes a folder and everything in it, deepest first.
     *
     * @param folder the folder
     * @throws IOException if something cannot be deleted
     */
    public static void deleteTree(Path folder) throws IOException {
        try (Stream<Path> files = Files.walk(folder)) {
            for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
