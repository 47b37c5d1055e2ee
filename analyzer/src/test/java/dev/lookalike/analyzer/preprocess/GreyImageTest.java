package dev.lookalike.analyzer.preprocess;

import org.junit.jupiter.api.Test;

import java.awt.image.BufferedImage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class GreyImageTest {

    @Test
    void fromRgbUsesBt601LumaWeights() {
        BufferedImage rgb = new BufferedImage(5, 1, BufferedImage.TYPE_INT_RGB);
        rgb.setRGB(0, 0, 0xff0000);
        rgb.setRGB(1, 0, 0x00ff00);
        rgb.setRGB(2, 0, 0x0000ff);
        rgb.setRGB(3, 0, 0xffffff);
        rgb.setRGB(4, 0, 0x336699);
        GreyImage grey = GreyImage.fromRgb(rgb);
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
        GreyImage grey = GreyImage.fromRgb(rgb);
        assertEquals(3, grey.width());
        assertEquals(2, grey.height());
        assertEquals(1f, grey.pixels()[2], 1e-6f);
        assertEquals(128 / 255f, grey.pixels()[3], 1e-6f);
        assertEquals(0f, grey.at(1, 1));
    }

    @Test
    void fromBytesReadsUnsignedBytes() {
        GreyImage grey = GreyImage.fromBytes(new byte[] {0, (byte) 128, (byte) 255, 1}, 2, 2);
        assertEquals(0f, grey.at(0, 0));
        assertEquals(128 / 255f, grey.at(1, 0), 1e-7f);
        assertEquals(1f, grey.at(0, 1), 1e-7f);
        assertEquals(1 / 255f, grey.at(1, 1), 1e-7f);
    }

    @Test
    void refusesPixelCountThatDoesNotMatchTheSize() {
        assertThrows(IllegalArgumentException.class, () -> new GreyImage(2, 2, new float[3]));
        assertThrows(IllegalArgumentException.class, () -> new GreyImage(0, 0, new float[0]));
    }

    @Test
    void toBufferedImageRoundsAndClamps() {
        BufferedImage out = new GreyImage(3, 1, new float[] {-0.5f, 0.5f, 2f}).toBufferedImage();
        assertEquals(0, out.getRaster().getSample(0, 0, 0));
        assertEquals(128, out.getRaster().getSample(1, 0, 0));
        assertEquals(255, out.getRaster().getSample(2, 0, 0));
    }
}
