package dev.lookalike.analyzer.dataset;

import dev.lookalike.analyzer.AnalyzerInputException;
import dev.lookalike.analyzer.image.ImageDecoder;
import dev.lookalike.analyzer.image.ImageLimits;
import dev.lookalike.analyzer.preprocess.PixelImage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.zip.GZIPOutputStream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

class FashionMnistTest {

    private static final ImageDecoder DECODER = new ImageDecoder(ImageLimits.DEFAULT);
    private static final Path INSTALLED = Path.of(FashionMnist.DEBIAN_DIR);

    @TempDir
    Path dir;

    /** Three 2-row, 3-column images with distinct pixels, labels 9, 0, 4. */
    private static final byte[][] PIXELS = {
            {0, 1, 2, 3, 4, 5},
            {(byte) 255, (byte) 200, (byte) 128, 0, 10, 20},
            {7, 7, 7, (byte) 250, (byte) 250, (byte) 250}};
    private static final byte[] LABELS = {9, 0, 4};

    private static byte[] imagesFile(int magic, int count, int rows, int cols, byte[][] pixels) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        DataOutputStream out = new DataOutputStream(bytes);
        out.writeInt(magic);
        out.writeInt(count);
        out.writeInt(rows);
        out.writeInt(cols);
        for (byte[] p : pixels) {
            out.write(p);
        }
        return bytes.toByteArray();
    }

    private static byte[] labelsFile(int magic, int count, byte[] labels) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        DataOutputStream out = new DataOutputStream(bytes);
        out.writeInt(magic);
        out.writeInt(count);
        out.write(labels);
        return bytes.toByteArray();
    }

    private static byte[] gzip(byte[] plain) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (OutputStream out = new GZIPOutputStream(bytes)) {
            out.write(plain);
        }
        return bytes.toByteArray();
    }

    /** Writes the test split, plain or gzipped (then with the {@code .gz} names). */
    private void writeTestSplit(byte[] images, byte[] labels, boolean gzipped) throws IOException {
        String suffix = gzipped ? ".gz" : "";
        Files.write(dir.resolve("t10k-images-idx3-ubyte" + suffix), gzipped ? gzip(images) : images);
        Files.write(dir.resolve("t10k-labels-idx1-ubyte" + suffix), gzipped ? gzip(labels) : labels);
    }

    private void writeValidSplit(boolean gzipped) throws IOException {
        writeTestSplit(imagesFile(0x803, 3, 2, 3, PIXELS), labelsFile(0x801, 3, LABELS), gzipped);
    }

    private AnalyzerInputException loadFails() {
        return assertThrows(AnalyzerInputException.class, () -> FashionMnist.load(dir, "test"));
    }

    private static void assertNames(AnalyzerInputException e, String... parts) {
        for (String part : parts) {
            assertTrue(e.getMessage().contains(part), "\"" + e.getMessage() + "\" should name " + part);
        }
    }

    private static void assertTinySplit(FashionMnist data) {
        assertEquals(3, data.size());
        assertArrayEquals(new int[] {9, 0, 4}, data.labels());
        assertEquals(4, data.label(2));
        assertEquals("Ankle boot", data.classNames().get(data.label(0)));
        for (int i = 0; i < 3; i++) {
            PixelImage image = data.image(i, DECODER);
            assertEquals(3, image.width(), "columns are the width");
            assertEquals(2, image.height(), "rows are the height");
            for (int y = 0; y < 2; y++) {
                for (int x = 0; x < 3; x++) {
                    assertEquals((PIXELS[i][y * 3 + x] & 0xff) / 255f, image.at(x, y), 1e-7f);
                }
            }
        }
        assertEquals("fashion-mnist test #1", data.itemName(1));
    }

    @Test
    void tinyPlainSplitLoadsWithItsPixelsAndLabels() throws IOException {
        writeValidSplit(false);
        assertTinySplit(FashionMnist.load(dir, "test"));
    }

    @Test
    void tinyGzippedSplitLoadsWithItsPixelsAndLabels() throws IOException {
        writeValidSplit(true);
        assertTinySplit(FashionMnist.load(dir, "test"));
    }

    @Test
    void trainSplitReadsTheTrainFiles() throws IOException {
        Files.write(dir.resolve("train-images-idx3-ubyte"), imagesFile(0x803, 3, 2, 3, PIXELS));
        Files.write(dir.resolve("train-labels-idx1-ubyte"), labelsFile(0x801, 3, LABELS));
        FashionMnist train = FashionMnist.load(dir, "train");
        assertEquals("fashion-mnist train", train.description());
        assertEquals(3, train.size());
        assertThrows(AnalyzerInputException.class, () -> FashionMnist.load(dir, "test"));
    }

    @Test
    void labelsAreACopy() throws IOException {
        writeValidSplit(false);
        FashionMnist data = FashionMnist.load(dir, "test");
        data.labels()[0] = 1;
        assertEquals(9, data.label(0));
    }

    @Test
    void fitAndValidationCutTheInstalledTrainSplitInTwoWithoutOverlap() {
        assumeTrue(Files.isDirectory(INSTALLED), "Fashion-MNIST is not installed");
        FashionMnist train = FashionMnist.load(INSTALLED, "train");
        FashionMnist fit = FashionMnist.load(INSTALLED, "fit");
        FashionMnist validation = FashionMnist.load(INSTALLED, "validation");
        assertEquals(55_000, fit.size());
        assertEquals(FashionMnist.VALIDATION_SIZE, validation.size());
        int[] perLabel = new int[10];
        for (int i = 0; i < validation.size(); i++) {
            int source = fit.size() + i;
            assertEquals(train.label(source), validation.label(i));
            assertArrayEquals(train.image(source, DECODER).pixels(), validation.image(i, DECODER).pixels());
            perLabel[validation.label(i)]++;
        }
        assertArrayEquals(train.image(fit.size() - 1, DECODER).pixels(), fit.image(fit.size() - 1, DECODER).pixels());
        for (int count : perLabel) {
            assertTrue(count > 400, "every class is in the validation split: " + Arrays.toString(perLabel));
        }
        assertEquals("validation", validation.split());
    }

    @Test
    void installedTestSplitHasTenThousandImagesBalancedOverTenClasses() {
        assumeTrue(Files.isDirectory(INSTALLED), "Fashion-MNIST is not installed");
        FashionMnist test = FashionMnist.load(INSTALLED, "test");
        assertEquals(10_000, test.size());
        int[] perLabel = new int[10];
        for (int label : test.labels()) {
            perLabel[label]++;
        }
        int[] thousand = new int[10];
        Arrays.fill(thousand, 1000);
        assertArrayEquals(thousand, perLabel);
        PixelImage first = test.image(0, DECODER);
        assertEquals(28, first.width());
        assertEquals(28, first.height());
        assertEquals(0f, first.at(0, 0), "products are on black");
    }

    @Test
    void wrongMagicInImagesFileIsNamed() throws IOException {
        writeTestSplit(imagesFile(0x801, 3, 2, 3, PIXELS), labelsFile(0x801, 3, LABELS), true);
        assertNames(loadFails(), dir.resolve("t10k-images-idx3-ubyte.gz").toString(), "magic", "0x00000803");
    }

    @Test
    void wrongMagicInLabelsFileIsNamed() throws IOException {
        writeTestSplit(imagesFile(0x803, 3, 2, 3, PIXELS), labelsFile(0x803, 3, LABELS), false);
        assertNames(loadFails(), dir.resolve("t10k-labels-idx1-ubyte").toString(), "magic", "0x00000801");
    }

    @Test
    void truncatedPlainImagesFileIsNamed() throws IOException {
        byte[] images = imagesFile(0x803, 3, 2, 3, PIXELS);
        writeTestSplit(Arrays.copyOf(images, images.length - 4), labelsFile(0x801, 3, LABELS), false);
        assertNames(loadFails(), dir.resolve("t10k-images-idx3-ubyte").toString(), "truncated");
    }

    @Test
    void truncatedGzippedImagesFileIsNamed() throws IOException {
        writeValidSplit(true);
        Path images = dir.resolve("t10k-images-idx3-ubyte.gz");
        byte[] gz = Files.readAllBytes(images);
        Files.write(images, Arrays.copyOf(gz, gz.length - 12));
        assertNames(loadFails(), images.toString());
    }

    @Test
    void truncatedLabelsFileIsNamed() throws IOException {
        writeTestSplit(imagesFile(0x803, 3, 2, 3, PIXELS), Arrays.copyOf(labelsFile(0x801, 3, LABELS), 10), false);
        assertNames(loadFails(), dir.resolve("t10k-labels-idx1-ubyte").toString(), "truncated");
    }

    @Test
    void headerClaimingMoreImagesThanTheFileHoldsIsTruncatedNotAnAllocation() throws IOException {
        writeTestSplit(imagesFile(0x803, Integer.MAX_VALUE, 28, 28, PIXELS), labelsFile(0x801, 3, LABELS), false);
        assertNames(loadFails(), dir.resolve("t10k-images-idx3-ubyte").toString(), "truncated");
    }

    @Test
    void headerWithNegativeOrHugeSizesIsRefused() throws IOException {
        writeTestSplit(imagesFile(0x803, -3, 2, 3, PIXELS), labelsFile(0x801, 3, LABELS), false);
        assertNames(loadFails(), dir.resolve("t10k-images-idx3-ubyte").toString(), "-3");
        writeTestSplit(imagesFile(0x803, 3, 100_000, 100_000, PIXELS), labelsFile(0x801, 3, LABELS), false);
        assertNames(loadFails(), dir.resolve("t10k-images-idx3-ubyte").toString(), "100000");
    }

    @Test
    void labelCountThatDiffersFromImageCountIsRefused() throws IOException {
        writeTestSplit(imagesFile(0x803, 3, 2, 3, PIXELS), labelsFile(0x801, 2, new byte[] {1, 2}), false);
        assertNames(loadFails(), dir.resolve("t10k-labels-idx1-ubyte").toString(), "2 labels for 3 images");
    }

    @Test
    void labelOutsideTheTenClassesIsRefused() throws IOException {
        writeTestSplit(imagesFile(0x803, 3, 2, 3, PIXELS), labelsFile(0x801, 3, new byte[] {1, 10, 2}), false);
        assertNames(loadFails(), dir.resolve("t10k-labels-idx1-ubyte").toString(), "label 10", "item 1");
    }

    @Test
    void missingDirectoryIsNamed() {
        Path nowhere = dir.resolve("nowhere");
        AnalyzerInputException e = assertThrows(AnalyzerInputException.class, () -> FashionMnist.load(nowhere, "test"));
        assertNames(e, nowhere.resolve("t10k-images-idx3-ubyte").toString(), FashionMnist.DIR_ENV);
    }

    @Test
    void missingLabelsFileIsNamed() throws IOException {
        Files.write(dir.resolve("t10k-images-idx3-ubyte"), imagesFile(0x803, 3, 2, 3, PIXELS));
        assertNames(loadFails(), "t10k-labels-idx1-ubyte");
    }

    @Test
    void unknownSplitIsRefused() throws IOException {
        writeValidSplit(false);
        AnalyzerInputException e = assertThrows(AnalyzerInputException.class, () -> FashionMnist.load(dir, "dev"));
        assertNames(e, "dev", "train", "test", "fit", "validation");
    }
}
