package dev.lookalike.analyzer.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lookalike.analyzer.AnalyzerInputException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BundleFolderTest {

    @TempDir
    Path root;

    private List<String> entries() throws IOException {
        try (Stream<Path> files = Files.list(root)) {
            return files.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    @Test
    void writesACompleteBundleAndLeavesNothingBesideIt() throws IOException {
        ModelBundle bundle = TinyBundles.tiny();
        Path out = root.resolve("my-model");
        BundleFolder.write(bundle, out, "--out");
        assertArrayEquals(bundle.parameters(), ModelBundle.load(out).parameters());
        assertEquals(List.of("my-model"), entries(), "no hidden folder left beside it");
    }

    @Test
    void replacesAnEarlierBundle() throws IOException {
        Path out = root.resolve("my-model");
        BundleFolder.write(TinyBundles.tiny(), out, "--out");
        ModelBundle newer = ModelBundle.of(TinyBundles.spec("newer", TinyBundles.TINY),
                TinyBundles.randomParameters(TinyBundles.TINY), TinyBundles.randomProxies(16, 9));
        BundleFolder.write(newer, out, "--out");
        assertEquals("newer", ModelBundle.load(out).spec().name());
        assertEquals(List.of("my-model"), entries());
    }

    @Test
    void writesIntoAnEmptyFolder() throws IOException {
        Path out = Files.createDirectories(root.resolve("empty"));
        BundleFolder.write(TinyBundles.tiny(), out, "--out");
        assertEquals("tiny", ModelBundle.load(out).spec().name());
    }

    @Test
    void aFolderHoldingAnythingElseIsRefusedNamingItAndLeftAsItIs() throws IOException {
        Path out = Files.createDirectories(root.resolve("photos"));
        Files.writeString(out.resolve("notes.txt"), "keep me");
        Files.writeString(out.resolve(ModelBundle.SPEC_FILE), "{}");
        AnalyzerInputException e = assertThrows(AnalyzerInputException.class,
                () -> BundleFolder.write(TinyBundles.tiny(), out, "--out"));
        assertTrue(e.getMessage().contains("--out " + out) && e.getMessage().contains("notes.txt"), e.getMessage());
        assertEquals("keep me", Files.readString(out.resolve("notes.txt")));
        assertEquals("{}", Files.readString(out.resolve(ModelBundle.SPEC_FILE)));
        assertEquals(List.of("photos"), entries());
    }

    @Test
    void aFileIsRefused() throws IOException {
        Path file = Files.writeString(root.resolve("model"), "a file");
        AnalyzerInputException e = assertThrows(AnalyzerInputException.class,
                () -> BundleFolder.requireReplaceable(file, "--out"));
        assertTrue(e.getMessage().contains("not a folder"), e.getMessage());
    }
}
