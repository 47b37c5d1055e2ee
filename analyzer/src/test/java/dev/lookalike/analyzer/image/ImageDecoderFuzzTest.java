package dev.lookalike.analyzer.image;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.lookalike.analyzer.AnalyzerInputException;
import java.awt.image.BufferedImage;
import org.junit.jupiter.api.Timeout;

/**
 * Fuzzes {@link ImageDecoder} with any bytes: the outcome is an RGB image within the limits or an
 * {@link AnalyzerInputException} naming the input, never another exception, an {@link OutOfMemoryError} or a
 * hang (the timeout). The limits are small so that a run spends its time in the parsers, not in decoding big
 * pictures. {@code mvn test} replays the seeds in {@code ImageDecoderFuzzTestInputs/decodeAnyBytes} (PNG, JPEG,
 * GIF, BMP, WebP and TIFF files, the bad inputs, and every crash found); {@code scripts/fuzz image 60}
 * fuzzes.
 */
class ImageDecoderFuzzTest {

    private static final ImageLimits LIMITS = new ImageLimits(64 * 1024, 256 * 256);
    private static final ImageDecoder DECODER = new ImageDecoder(LIMITS);

    @FuzzTest
    @Timeout(10)
    void decodeAnyBytes(byte[] bytes) {
        BufferedImage image;
        try {
            image = DECODER.decode(bytes, "fuzz input");
        } catch (AnalyzerInputException e) {
            assertTrue(e.getMessage().startsWith("fuzz input: "), e.getMessage());
            return;
        }
        assertEquals(BufferedImage.TYPE_INT_RGB, image.getType());
        assertTrue((long) image.getWidth() * image.getHeight() <= LIMITS.maxPixels(),
                image.getWidth() + "x" + image.getHeight());
    }
}
