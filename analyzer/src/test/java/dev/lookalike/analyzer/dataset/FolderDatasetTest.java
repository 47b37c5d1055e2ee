package dev.lookalike.analyzer.dataset;

import dev.lookalike.analyzer.AnalyzerInputException;
import dev.lookalike.analyzer.image.ImageDecoder;
import dev.lookalike.analyzer.image.ImageLimits;
import dev.lookalike.analyzer.preprocess.PixelImage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.IntStream;
import javax.imageio.ImageIO;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class FolderDatasetTest {

    @TempDir
    Path root;

    private Path png(String relative, int width, int height) throws IOException {
        Path file = root.resolve(relative);
        Files.createDirectories(file.getParent());
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        image.setRGB(0, 0, 0xffffff);
        ImageIO.write(image, "png", file.toFile());
        return file;
    }

    private static void assertNames(AnalyzerInputException e, String... parts) {
        for (String part : parts) {
            assertTrue(e.getMessage().contains(part), "\"" + e.getMessage() + "\" should name " + part);
        }
    }

    @Test
    void classesAreSubDirectoriesSortedByName() throws IOException {
        png("shoe/2.png", 4, 4);
        png("bag/b.png", 4, 4);
        png("bag/a.png", 5, 3);
        png("hat/x.png", 4, 4);
        FolderDataset data = FolderDataset.open(root);
        assertEquals(List.of("bag", "hat", "shoe"), data.classNames());
        assertEquals(4, data.size());
        assertEquals(List.of(root.resolve("bag/a.png"), root.resolve("bag/b.png"), root.resolve("hat/x.png"),
                root.resolve("shoe/2.png")), IntStream.range(0, 4).mapToObj(data::file).toList());
        assertEquals(List.of(0, 0, 1, 2), IntStream.range(0, 4).map(data::label).boxed().toList());
        assertEquals(root.resolve("bag/a.png").toString(), data.itemName(0));
        assertTrue(data.description().contains(root.toString()));
    }

    @Test
    void hiddenFilesAndDirectoriesAndLooseFilesAreIgnored() throws IOException {
        png("bag/a.png", 4, 4);
        png("bag/.thumbnail.png", 4, 4);
        png(".cache/c.png", 4, 4);
        png("loose.png", 4, 4);
        FolderDataset data = FolderDataset.open(root);
        assertEquals(List.of("bag"), data.classNames());
        assertEquals(1, data.size());
    }

    @Test
    void emptyClassDirectoriesAreSkippedWithoutShiftingLabelsAndListed() throws IOException {
        png("a-bag/1.png", 4, 4);
        Files.createDirectories(root.resolve("b-empty"));
        png("b-hidden-only/.DS_Store", 4, 4);
        png("c-shoe/1.png", 4, 4);
        FolderDataset data = FolderDataset.open(root);
        assertEquals(List.of("a-bag", "c-shoe"), data.classNames());
        assertEquals("c-shoe", data.classNames().get(data.label(1)));
        assertEquals(List.of(root.resolve("b-empty"), root.resolve("b-hidden-only")), data.emptyCategories());
    }

    @Test
    void imagesAreDecodedWhenRead() throws IOException {
        png("bag/a.png", 5, 3);
        Files.writeString(root.resolve("bag/broken.png"), "not a png");
        FolderDataset data = FolderDataset.open(root);
        ImageDecoder decoder = new ImageDecoder(ImageLimits.DEFAULT);
        PixelImage image = data.image(0, decoder);
        assertEquals(5, image.width());
        assertEquals(3, image.height());
        assertEquals(1f, image.at(0, 0), 1e-6f);
        AnalyzerInputException e = assertThrows(AnalyzerInputException.class, () -> data.image(1, decoder));
        assertNames(e, "broken.png");
    }

    @Test
    void emptyRootIsRefused() throws IOException {
        Files.createDirectories(root.resolve("bag"));
        AnalyzerInputException e = assertThrows(AnalyzerInputException.class, () -> FolderDataset.open(root));
        assertNames(e, root.toString(), "no images");
    }

    @Test
    void missingRootIsRefused() {
        Path missing = root.resolve("missing");
        AnalyzerInputException e = assertThrows(AnalyzerInputException.class, () -> FolderDataset.open(missing));
        assertNames(e, missing.toString(), "no such directory");
    }

    @Test
    void fileAsRootIsRefused() throws IOException {
        Path file = png("bag/a.png", 4, 4);
        assertThrows(AnalyzerInputException.class, () -> FolderDataset.open(file));
    }
}
