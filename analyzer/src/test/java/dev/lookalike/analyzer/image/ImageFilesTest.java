package dev.lookalike.analyzer.image;

import dev.lookalike.analyzer.AnalyzerInputException;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ImageFilesTest {

    @TempDir
    Path dir;

    private void assertRefused(ImageFiles files, String path, String reason) {
        AnalyzerInputException e = assertThrows(AnalyzerInputException.class, () -> files.read(path, "[f]"));
        assertTrue(e.getMessage().startsWith("[f]"), e.getMessage());
        assertTrue(e.getMessage().contains(reason), "'" + e.getMessage() + "' should contain '" + reason + "'");
    }

    @Test
    void readsFilesUnderTheRootByRelativeOrAbsolutePath() throws IOException {
        Path root = Files.createDirectories(dir.resolve("root"));
        Files.createDirectories(root.resolve("shoes"));
        Files.write(root.resolve("shoes/a.png"), new byte[] {1, 2, 3});
        ImageFiles files = new ImageFiles(root, 100);
        assertArrayEquals(new byte[] {1, 2, 3}, files.read("shoes/a.png", "[f]"));
        assertArrayEquals(new byte[] {1, 2, 3}, files.read(root.resolve("shoes/a.png").toString(), "[f]"));
        assertArrayEquals(new byte[] {1, 2, 3}, files.read("shoes/../shoes/a.png", "[f]"));
    }

    @Test
    void refusesPathsThatLeaveTheRootLinksOutMissingFilesAndLargeFiles() throws IOException {
        Path root = Files.createDirectories(dir.resolve("root"));
        Files.write(dir.resolve("secret.txt"), new byte[] {9});
        Files.createSymbolicLink(root.resolve("link.png"), dir.resolve("secret.txt"));
        Files.write(root.resolve("big.png"), new byte[101]);
        Files.createDirectories(root.resolve("folder"));
        ImageFiles files = new ImageFiles(root, 100);
        assertRefused(files, "../secret.txt", "is outside [lookalike.ingest.file_root]");
        assertRefused(files, dir.resolve("secret.txt").toString(), "is outside");
        assertRefused(files, "link.png", "links outside");
        assertRefused(files, "nope.png", "does not exist");
        assertRefused(files, "big.png", "over [lookalike.max_image_bytes] 100");
        assertRefused(files, "folder", "is not a regular file");
    }

    @Test
    void refusesEveryFileWhenNoRootIsSet() {
        assertRefused(new ImageFiles(null, 100), "a.png", "reading files is off on this node");
    }
}
