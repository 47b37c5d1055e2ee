package dev.lookalike.analyzer.dataset;

import dev.lookalike.analyzer.AnalyzerInputException;
import dev.lookalike.analyzer.image.ImageDecoder;
import dev.lookalike.analyzer.image.ImageLimits;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ImageSurveyTest {

    private static final ImageDecoder DECODER = new ImageDecoder(ImageLimits.DEFAULT);

    @TempDir
    Path root;

    /** Writes a PNG filled with one RGB colour. */
    private void png(String relative, int width, int height, int rgb) throws IOException {
        Path file = root.resolve(relative);
        Files.createDirectories(file.getParent());
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                image.setRGB(x, y, rgb);
            }
        }
        ImageIO.write(image, "png", file.toFile());
    }

    @Test
    void oneColourImageAmongGreyOnesMakesTheFolderColourAndSizesAreMedians() throws IOException {
        png("a/1.png", 30, 20, 0x808080);
        png("a/2.png", 30, 20, 0x101010);
        png("b/1.png", 50, 40, 0x808080);
        png("b/2.png", 50, 90, 0x804080);
        png("b/3.png", 30, 40, 0xffffff);
        ImageSurvey survey = ImageSurvey.of(FolderDataset.open(root), DECODER, 100);
        assertEquals(5, survey.surveyed());
        assertEquals(30, survey.medianWidth());
        assertEquals(40, survey.medianHeight());
        assertTrue(survey.colour());
    }

    @Test
    void greyPicturesStoredAsRgbHaveNoColourAndUnreadableFilesArePassedOver() throws IOException {
        png("a/1.png", 10, 10, 0x777777);
        png("a/2.png", 12, 12, 0x202020);
        Files.write(root.resolve("a/3.png"), new byte[] {1, 2, 3});
        ImageSurvey survey = ImageSurvey.of(FolderDataset.open(root), DECODER, 100);
        assertEquals(2, survey.surveyed());
        assertFalse(survey.colour());
    }

    @Test
    void theSampleIsSpreadOverTheWholeDataset() throws IOException {
        for (int i = 0; i < 5; i++) {
            png("a/" + i + ".png", 8, 8, 0x555555);
            png("c/" + i + ".png", 8, 8, 0x555555);
        }
        png("b/colour.png", 8, 8, 0xff0000);
        // Items 0-4 are a, 5 is b, 6-10 are c: two images read evenly are items 0 and 5, not 0 and 1.
        ImageSurvey two = ImageSurvey.of(FolderDataset.open(root), DECODER, 2);
        assertEquals(2, two.surveyed(), "at most the sample size is read");
        assertTrue(two.colour(), "the middle of the dataset is read");
    }

    @Test
    void aDatasetWithNoReadableImageIsNamed() throws IOException {
        Files.createDirectories(root.resolve("a"));
        Files.write(root.resolve("a/broken.png"), new byte[] {1, 2, 3});
        AnalyzerInputException e = assertThrows(AnalyzerInputException.class,
                () -> ImageSurvey.of(FolderDataset.open(root), DECODER, 10));
        assertTrue(e.getMessage().contains(root.toString()), e.getMessage());
    }
}
