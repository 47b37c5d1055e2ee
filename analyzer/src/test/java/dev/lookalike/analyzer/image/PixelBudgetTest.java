package dev.lookalike.analyzer.image;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

class PixelBudgetTest {

    private static byte[] png(int width, int height) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB), "png", out);
        return out.toByteArray();
    }

    @Test
    void anImageIsRefusedWhileOthersTakeTheBudgetAndGoesThroughOnceTheyAreDone() {
        PixelBudget budget = new PixelBudget(1000 * PixelBudget.BYTES_PER_PIXEL);
        try (PixelBudget.Reservation first = budget.reserve(600, "first")) {
            PixelBudgetExceededException refused = assertThrows(PixelBudgetExceededException.class,
                    () -> budget.reserve(600, "second"));
            assertTrue(refused.getMessage().startsWith("second: "), refused.getMessage());
            assertEquals(600 * PixelBudget.BYTES_PER_PIXEL, budget.inFlightBytes());
            first.close();
            first.close();
            assertEquals(0, budget.inFlightBytes(), "released once, however often it is closed");
        }
        try (PixelBudget.Reservation second = budget.reserve(600, "second")) {
            assertEquals(1, budget.rejected());
        }
        assertThrows(PixelBudgetExceededException.class, () -> budget.reserve(Long.MAX_VALUE / 2, "huge"),
                "no overflow lets a huge image through");
    }

    @Test
    void theDecoderHoldsTheReservationWhileTheImageIsUsedAndReleasesItAfter() throws IOException {
        PixelBudget budget = new PixelBudget(100 * 100 * PixelBudget.BYTES_PER_PIXEL);
        ImageDecoder decoder = new ImageDecoder(ImageLimits.DEFAULT);
        long during = decoder.decode(png(100, 100), "image", budget, image -> budget.inFlightBytes());
        assertEquals(100 * 100 * PixelBudget.BYTES_PER_PIXEL, during);
        assertEquals(0, budget.inFlightBytes());
        assertThrows(PixelBudgetExceededException.class, () -> decoder.decode(png(101, 100), "bigger", budget,
                image -> image));
        assertThrows(IllegalStateException.class, () -> decoder.decode(png(10, 10), "failing", budget, image -> {
            throw new IllegalStateException("use failed");
        }));
        assertEquals(0, budget.inFlightBytes(), "a failure releases the reservation too");
    }
}
