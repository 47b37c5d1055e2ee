package dev.lookalike.tools.report.projector;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The sprite's grid, its size limit and how a picture is fitted into a tile. */
class SpriteSheetTest {

    @Test
    void tilesPerRowIsTheSmallestSquareThatHoldsThem() {
        assertEquals(1, SpriteSheet.tilesPerRow(1));
        assertEquals(2, SpriteSheet.tilesPerRow(4));
        assertEquals(3, SpriteSheet.tilesPerRow(5));
        assertEquals(7, SpriteSheet.tilesPerRow(40));
        assertEquals(100, SpriteSheet.tilesPerRow(10_000));
        assertEquals(101, SpriteSheet.tilesPerRow(10_001));
    }

    @Test
    void moreItemsThanAnEightThousandPixelSpriteHoldsAreRefusedNamingTheOptionsAndTheMost() {
        SpriteSheet.requireFits(292 * 292, 28);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> SpriteSheet.requireFits(292 * 292 + 1, 28));
        assertTrue(e.getMessage().contains("--limit") && e.getMessage().contains("--thumbnail"), e.getMessage());
        assertTrue(e.getMessage().contains("--limit 85264"), e.getMessage());
        SpriteSheet.requireFits(1024, 256);
        assertThrows(IllegalArgumentException.class, () -> SpriteSheet.requireFits(1025, 256));
    }

    @Test
    void aWidePictureIsFittedIntoItsTileCentredWithItsAspectKept(@TempDir Path dir) throws IOException {
        SpriteSheet sheet = new SpriteSheet(2, 28);
        BufferedImage wide = new BufferedImage(560, 280, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = wide.createGraphics();
        g.setColor(Color.RED);
        g.fillRect(0, 0, 560, 280);
        g.dispose();
        sheet.place(1, wide);
        Path file = dir.resolve("sprite.png");
        sheet.write(file);
        BufferedImage sprite = ImageIO.read(file.toFile());
        assertEquals(56, sprite.getWidth(), "two tiles: a 2 x 2 grid");
        assertEquals(Color.WHITE.getRGB(), sprite.getRGB(28 + 14, 3), "above the 28 x 14 picture: white");
        assertEquals(Color.RED.getRGB(), sprite.getRGB(28 + 14, 14), "the picture, centred in the second tile");
        assertEquals(Color.WHITE.getRGB(), sprite.getRGB(28 + 14, 24), "below it: white");
        assertEquals(Color.WHITE.getRGB(), sprite.getRGB(14, 14), "the first tile has no picture");
    }
}
