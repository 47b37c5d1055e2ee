package dev.lookalike.analyzer.distort;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.util.HashSet;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ScaleShiftTest {

    @Test
    void theProductFillsFiftyFiveToAHundredPercentOfASquareFrameAnywhereInIt() {
        BufferedImage image = TestProducts.onBlack();
        ScaleShift scaleShift = ScaleShift.realistic();
        SplittableRandom random = new SplittableRandom(11);
        Set<Integer> lefts = new HashSet<>();
        double smallest = 1;
        double largest = 0;
        for (int i = 0; i < 200; i++) {
            BufferedImage photo = scaleShift.apply(image, random);
            assertEquals(112, photo.getWidth(), "the frame is as large as the image's longer side");
            assertEquals(112, photo.getHeight());
            int[] box = TestProducts.box(photo, Color.BLACK);
            double fill = Math.max(box[2] - box[0] + 1, box[3] - box[1] + 1) / 112.0;
            assertTrue(fill >= 0.53 && fill <= 1.0, "fill " + fill);
            smallest = Math.min(smallest, fill);
            largest = Math.max(largest, fill);
            lefts.add(box[0]);
        }
        assertTrue(smallest < 0.6 && largest > 0.95, "the whole range is used: " + smallest + ".." + largest);
        assertTrue(lefts.size() > 20, "the product moves about: " + lefts.size() + " left edges");
    }

    @Test
    void aFullFillAtTheOriginPutsTheProductInTheCornerAndKeepsTheBackground() {
        Color grey = new Color(90, 90, 90);
        BufferedImage image = TestProducts.product(80, 120, grey, Color.WHITE, 20, 30, 30, 60);
        BufferedImage photo = ScaleShift.place(image, new ScaleShift.Placement(1.0, 0, 0));
        int[] box = TestProducts.box(photo, grey);
        assertEquals(0, box[1], "the product's top is the frame's");
        assertEquals(119, box[3], "its longer side fills the frame");
        assertEquals(0, box[0]);
        assertEquals(grey.getRGB(), photo.getRGB(119, 119));
    }

    @Test
    void fillsOutsideZeroToOneAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> new ScaleShift(0, 1));
        assertThrows(IllegalArgumentException.class, () -> new ScaleShift(0.9, 0.5));
        assertThrows(IllegalArgumentException.class, () -> new ScaleShift(0.5, 1.5));
    }
}
