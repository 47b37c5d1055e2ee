package dev.lookalike.analyzer.preprocess;

import org.junit.jupiter.api.Test;

import java.awt.image.BufferedImage;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PixelImageTest {

    @Test
    void fromRgbUsesBt601LumaWeights() {
        BufferedImage rgb = new BufferedImage(5, 1, BufferedImage.TYPE_INT_RGB);
        rgb.setRGB(0, 0, 0xff0000);
        rgb.setRGB(1, 0, 0x00ff00);
        rgb.setRGB(2, 0, 0x0000ff);
        rgb.setRGB(3, 0, 0xffffff);
        rgb.setRGB(4, 0, 0x336699);
        PixelImage grey = PixelImage.fromRgb(rgb, 1);
        assertEquals(0.299f, grey.at(0, 0), 1e-6f);
        assertEquals(0.587f, grey.at(1, 0), 1e-6f);
        assertEquals(0.114f, grey.at(2, 0), 1e-6f);
        assertEquals(1f, grey.at(3, 0), 1e-6f);
        assertEquals((0.299f * 0x33 + 0.587f * 0x66 + 0.114f * 0x99) / 255f, grey.at(4, 0), 1e-6f);
    }

    @Test
    void fromRgbKeepsRowMajorLayout() {
        BufferedImage rgb = new BufferedImage(3, 2, BufferedImage.TYPE_INT_RGB);
        rgb.setRGB(2, 0, 0xffffff);
        rgb.setRGB(0, 1, 0x808080);
        PixelImage grey = PixelImage.fromRgb(rgb, 1);
        assertEquals(3, grey.width());
        assertEquals(2, grey.height());
        assertEquals(1f, grey.pixels()[2], 1e-6f);
        assertEquals(128 / 255f, grey.pixels()[3], 1e-6f);
        assertEquals(0f, grey.at(1, 1));
    }

    @Test
    void fromBytesReadsUnsignedBytes() {
        PixelImage grey = PixelImage.fromBytes(new byte[] {0, (byte) 128, (byte) 255, 1}, 2, 2);
        assertEquals(0f, grey.at(0, 0));
        assertEquals(128 / 255f, grey.at(1, 0), 1e-7f);
        assertEquals(1f, grey.at(0, 1), 1e-7f);
        assertEquals(1 / 255f, grey.at(1, 1), 1e-7f);
    }

    @Test
    void refusesPixelCountThatDoesNotMatchTheSize() {
        assertThrows(IllegalArgumentException.class, () -> PixelImage.grey(2, 2, new float[3]));
        assertThrows(IllegalArgumentException.class, () -> PixelImage.grey(0, 0, new float[0]));
    }

    @Test
    void toBufferedImageRoundsAndClamps() {
        BufferedImage out = PixelImage.grey(3, 1, new float[] {-0.5f, 0.5f, 2f}).toBufferedImage();
        assertEquals(0, out.getRaster().getSample(0, 0, 0));
        assertEquals(128, out.getRaster().getSample(1, 0, 0));
        assertEquals(255, out.getRaster().getSample(2, 0, 0));
    }

    @Test
    void fromRgbReadsRedGreenAndBluePlanes() {
        BufferedImage rgb = new BufferedImage(2, 1, BufferedImage.TYPE_INT_RGB);
        rgb.setRGB(0, 0, 0xff8000);
        rgb.setRGB(1, 0, 0x0000ff);
        PixelImage colour = PixelImage.fromRgb(rgb);
        assertEquals(3, colour.channels());
        assertArrayEquals(new float[] {1f, 0f, 128 / 255f, 0f, 0f, 1f}, colour.pixels());
        assertEquals(128 / 255f, colour.at(1, 0, 0));
        assertTrue(colour.hasColour());
        assertEquals(0xff8000, colour.toBufferedImage().getRGB(0, 0) & 0xffffff);
    }

    @Test
    void greyFromColourIsExactlyTheLumaOfTheDecodedPixels() {
        // Every 8-bit level in every channel, and mixed colours: the grey path must not move by one bit.
        BufferedImage rgb = new BufferedImage(256, 4, BufferedImage.TYPE_INT_RGB);
        java.util.Random random = new java.util.Random(3);
        for (int x = 0; x < 256; x++) {
            rgb.setRGB(x, 0, x << 16);
            rgb.setRGB(x, 1, x << 8);
            rgb.setRGB(x, 2, x);
            rgb.setRGB(x, 3, random.nextInt(1 << 24));
        }
        assertArrayEquals(PixelImage.fromRgb(rgb, 1).pixels(), PixelImage.fromRgb(rgb).withChannels(1).pixels());
    }

    @Test
    void greyRepeatedIntoThreeChannelsHasNoColour() {
        PixelImage grey = PixelImage.grey(2, 1, new float[] {0.25f, 0.75f});
        PixelImage three = grey.withChannels(3);
        assertArrayEquals(new float[] {0.25f, 0.75f, 0.25f, 0.75f, 0.25f, 0.75f}, three.pixels());
        assertFalse(three.hasColour());
        assertArrayEquals(grey.pixels(), three.withChannels(1).pixels(), 1e-6f);
        assertThrows(IllegalArgumentException.class, () -> new PixelImage(2, 1, 2, new float[4]));
    }
}
