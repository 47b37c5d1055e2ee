package dev.lookalike.search.catalogue;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.lookalike.search.SearchInputException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Timeout;

/**
 * Fuzzes {@link CatalogueReader} with any bytes as a catalogue file: the outcome is items and one
 * {@link SearchInputException} per bad line, naming the line, never an exception out of the reader. Every item
 * has a non-blank id, unique in the catalogue, and an image inside the catalogue's folder. The seeds are
 * catalogue lines as {@code lookalike catalogue} writes them and as a shop would, and the bad lines of
 * {@code CatalogueReaderTest}.
 */
class CatalogueReaderFuzzTest {

    private static Path folder;
    private static Path file;

    @BeforeAll
    static void createFolder() throws IOException {
        folder = Files.createTempDirectory("catalogue-fuzz").toAbsolutePath().normalize();
        file = folder.resolve("catalogue.jsonl");
    }

    @AfterAll
    static void deleteFolder() throws IOException {
        Files.deleteIfExists(file);
        Files.delete(folder);
    }

    @FuzzTest
    @Timeout(10)
    void readAnyBytes(byte[] bytes) throws IOException {
        Files.write(file, bytes);
        Catalogue catalogue = new CatalogueReader(file).readAll();
        Set<String> ids = new HashSet<>();
        for (CatalogueItem item : catalogue.items()) {
            assertFalse(item.id().isBlank());
            assertTrue(ids.add(item.id()), "id " + item.id() + " twice");
            assertTrue(item.image().startsWith(folder) && !item.image().equals(folder), item.image().toString());
        }
        for (SearchInputException e : catalogue.errors()) {
            assertTrue(e.input().startsWith("catalogue catalogue.jsonl line "), e.getMessage());
        }
    }
}
