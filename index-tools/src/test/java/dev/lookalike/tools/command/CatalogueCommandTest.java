package dev.lookalike.tools.command;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lookalike.analyzer.dataset.FolderDataset;
import dev.lookalike.tools.CliFixtures;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code lookalike catalogue}'s folder layout and its refusals; the colour catalogue itself, which needs the
 * Fashion-MNIST files, is exercised end to end ({@code OwnCatalogueTest}).
 */
class CatalogueCommandTest {

    @TempDir
    Path root;

    @Test
    void theFolderLayoutIsATrainingFolderWithTheSameCategoriesAndItems() throws IOException {
        Path shapes = CliFixtures.shapes(root.resolve("shapes"));
        Path out = root.resolve("folders");
        CliFixtures.Run run = CliFixtures.run("catalogue", "--dataset", shapes.toString(), "--layout", "folders",
                "--out", out.toString());
        assertEquals(0, run.code(), run.err());
        FolderDataset written = FolderDataset.open(out);
        assertEquals(CliFixtures.SHAPES, written.classNames());
        assertEquals(CliFixtures.ITEMS, written.size());
        assertTrue(Files.isRegularFile(out.resolve("cross").resolve("item-00010.png")), "items keep their ids");
        assertTrue(Files.notExists(out.resolve(CatalogueCommand.CATALOGUE_FILE)));
    }

    @Test
    void folderNamesAreCategoriesWithoutPathSeparators() {
        assertEquals("T-shirt-top", CatalogueCommand.folderName("T-shirt/top"));
        assertEquals("Ankle boot", CatalogueCommand.folderName("Ankle boot"));
        assertEquals("-hidden", CatalogueCommand.folderName(".hidden"));
        assertEquals("a-b-c", CatalogueCommand.folderName("a\\b:c"));
    }

    @Test
    void coloursAreOnlyForFashionMnist() throws IOException {
        Path shapes = CliFixtures.shapes(root.resolve("shapes"));
        CliFixtures.assertBad(CliFixtures.run("catalogue", "--dataset", shapes.toString(), "--colours",
                "--out", root.resolve("c").toString()), "--colours: only for --dataset fashion-mnist");
    }

    @Test
    void aSizeNeedsColours() {
        CliFixtures.assertBad(CliFixtures.run("catalogue", "--size", "64", "--out", root.resolve("c").toString()),
                "--size needs --colours");
    }

    @Test
    void aColourLabelNeedsColoursAndFolders() {
        CliFixtures.assertBad(CliFixtures.run("catalogue", "--label", "category+colour", "--layout", "folders",
                "--out", root.resolve("c").toString()), "--label category+colour needs --colours and --layout folders");
        CliFixtures.assertBad(CliFixtures.run("catalogue", "--label", "colour", "--out", root.resolve("c").toString()),
                "expected category or category+colour");
    }
}
