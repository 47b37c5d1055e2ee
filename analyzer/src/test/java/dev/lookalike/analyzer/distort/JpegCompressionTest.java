package dev.lookalike.analyzer.distort;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.SplittableRandom;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class JpegCompressionTest {

    @Test
    void qualitiesStayWithinTwentyToSixtyAndReachBothEnds() {
        JpegCompression jpeg = JpegCompression.realistic();
        SplittableRandom random = new SplittableRandom(5);
        int min = 100;
        int max = 0;
        for (int i = 0; i < 2000; i++) {
            int q = jpeg.drawQuality(random);
            assertTrue(q >= 20 && q <= 60, "quality " + q);
            min = Math.min(min, q);
            max = Math.max(max, q);
        }
        assertEquals(20, min);
        assertEquals(60, max);
    }

    @Test
    void theOutputIsAJpegThatDecodesCloseToButNotEqualToTheInput() throws IOException {
        BufferedImage image = TestProducts.onBlack();
        byte[] bytes = JpegCompression.encode(image, 0.2f);
        BufferedImage decoded = ImageIO.read(new ByteArrayInputStream(bytes));
        assertNotNull(decoded, "decodes");
        assertEquals((byte) 0xff, bytes[0]);
        assertEquals((byte) 0xd8, bytes[1], "a JPEG start-of-image marker");
        BufferedImage applied = JpegCompression.realistic().apply(image, new SplittableRandom(1));
        assertEquals(image.getWidth(), applied.getWidth());
        double difference = TestProducts.meanDifference(image, applied);
        assertTrue(difference > 0.05 && difference < 10, "mean difference " + difference);
    }

    @Test
    void lowerQualityLosesMore() throws IOException {
        BufferedImage image = TestProducts.onBlack();
        double at20 = TestProducts.meanDifference(image, ImageIO.read(new ByteArrayInputStream(JpegCompression.encode(image, 0.2f))));
        double at90 = TestProducts.meanDifference(image, ImageIO.read(new ByteArrayInputStream(JpegCompression.encode(image, 0.9f))));
        assertTrue(at20 > at90, at20 + " vs " + at90);
    }

    @Test
    void qualitiesOutsideTheScaleAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> new JpegCompression(0, 50));
        assertThrows(IllegalArgumentException.class, () -> new JpegCompression(60, 20));
        assertThrows(IllegalArgumentException.class, () -> JpegCompression.encode(TestProducts.onBlack(), 0f));
    }
}
