package dev.lookalike.analyzer.distort;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;

/** Small synthetic product photos for the distortion tests. */
final class TestProducts {

    private TestProducts() {
    }

    /** A {@code w x h} image of {@code background} with a {@code product}-coloured rectangle and a stripe of detail. */
    static BufferedImage product(int w, int h, Color background, Color product, int x, int y, int pw, int ph) {
        BufferedImage image = RgbImages.filled(w, h, background);
        Graphics2D g = image.createGraphics();
        g.setColor(product);
        g.fillRect(x, y, pw, ph);
        g.setColor(product.darker().darker());
        g.fillRect(x + pw / 4, y + ph / 3, pw / 2, Math.max(1, ph / 6));
        g.dispose();
        return image;
    }

    /** A light product on black, 112 x 112, as {@link DistortedQueries} enlarges a catalogue image. */
    static BufferedImage onBlack() {
        return product(112, 112, Color.BLACK, new Color(230, 230, 230), 30, 20, 50, 70);
    }

    /** @return the bounding box {minX, minY, maxX, maxY} of pixels whose channels differ from the colour by more than 24 */
    static int[] box(BufferedImage image, Color background) {
        int[] px = RgbImages.pixels(image);
        int w = image.getWidth();
        int[] box = {w, image.getHeight(), -1, -1};
        for (int i = 0; i < px.length; i++) {
            if (RgbImages.channelDistance(px[i], background.getRGB() & 0xffffff) > 24) {
                box[0] = Math.min(box[0], i % w);
                box[1] = Math.min(box[1], i / w);
                box[2] = Math.max(box[2], i % w);
                box[3] = Math.max(box[3], i / w);
            }
        }
        return box;
    }

    /** @return the mean absolute channel difference of two images of one size, 0..255 */
    static double meanDifference(BufferedImage a, BufferedImage b) {
        int[] pa = RgbImages.pixels(a);
        int[] pb = RgbImages.pixels(b);
        double sum = 0;
        for (int i = 0; i < pa.length; i++) {
            for (int shift = 0; shift <= 16; shift += 8) {
                sum += Math.abs(((pa[i] >> shift) & 0xff) - ((pb[i] >> shift) & 0xff));
            }
        }
        return sum / (3.0 * pa.length);
    }
}
