package dev.lookalike.analyzer.distort;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.util.SplittableRandom;

/**
 * A product smaller in the frame and off-centre: the product (the pixels that differ from the background
 * colour, the border's median) is cut out, scaled so that its longer side fills a fraction of the frame
 * drawn uniformly from [{@code minFill}, {@code maxFill}], and placed at a random position in a square frame
 * of the background colour as large as the image's longer side (a phone's frame does not grow with the
 * distance to the product). Bilinear interpolation; costs one pass over the image and the frame.
 *
 * @param minFill the smallest fraction of the canvas side the product's longer side fills, in (0, 1]
 * @param maxFill the largest, {@code minFill} to 1
 */
public record ScaleShift(double minFill, double maxFill) implements ImageDistortion {

    /** A channel difference from the background (0..255) above which a pixel is product. */
    static final int PRODUCT_DIFFERENCE = 24;

    /** Checks the range. */
    public ScaleShift {
        if (!(minFill > 0 && minFill <= maxFill && maxFill <= 1)) {
            throw new IllegalArgumentException("fill range must lie in (0, 1], low to high, got " + minFill + ".." + maxFill);
        }
    }

    /** @return the scale and shift of the query-robustness evaluation: the product fills 55 to 100 % of the frame */
    public static ScaleShift realistic() {
        return new ScaleShift(0.55, 1.0);
    }

    /**
     * Where the product goes.
     *
     * @param fill the fraction of the canvas side that the product's longer side fills
     * @param left where its left edge goes, as a fraction of the free width, 0 to 1
     * @param top  where its top edge goes, as a fraction of the free height, 0 to 1
     */
    public record Placement(double fill, double left, double top) {
    }

    /**
     * @param random the random source
     * @return a fill uniform in [minFill, maxFill] and a position uniform in the free space
     */
    public Placement drawPlacement(SplittableRandom random) {
        double fill = minFill + (maxFill - minFill) * random.nextDouble();
        return new Placement(fill, random.nextDouble(), random.nextDouble());
    }

    @Override
    public BufferedImage apply(BufferedImage image, SplittableRandom random) {
        return place(image, drawPlacement(random));
    }

    /**
     * @param image     an RGB image of a product on a uniform background
     * @param placement where the product goes
     * @return a new square frame of the background colour, as large as the image's longer side, with the
     *         product on it
     */
    public static BufferedImage place(BufferedImage image, Placement placement) {
        Color background = RgbImages.borderColour(image);
        int[] box = productBox(image, background.getRGB() & 0xffffff);
        int boxW = box[2] - box[0] + 1;
        int boxH = box[3] - box[1] + 1;
        int side = Math.max(image.getWidth(), image.getHeight());
        double scale = placement.fill() * side / Math.max(boxW, boxH);
        int productW = Math.max(1, Math.min(side, (int) Math.round(boxW * scale)));
        int productH = Math.max(1, Math.min(side, (int) Math.round(boxH * scale)));
        int left = (int) Math.round((side - productW) * placement.left());
        int top = (int) Math.round((side - productH) * placement.top());
        BufferedImage out = RgbImages.filled(side, side, background);
        Graphics2D g = out.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
            g.drawImage(image.getSubimage(box[0], box[1], boxW, boxH), left, top, productW, productH, null);
        } finally {
            g.dispose();
        }
        return out;
    }

    /** @return {minX, minY, maxX, maxY} of the pixels that differ from the background, or the whole image */
    private static int[] productBox(BufferedImage image, int background) {
        int w = image.getWidth();
        int h = image.getHeight();
        int[] px = RgbImages.pixels(image);
        int minX = w;
        int minY = h;
        int maxX = -1;
        int maxY = -1;
        for (int i = 0; i < px.length; i++) {
            if (RgbImages.channelDistance(px[i], background) > PRODUCT_DIFFERENCE) {
                minX = Math.min(minX, i % w);
                maxX = Math.max(maxX, i % w);
                minY = Math.min(minY, i / w);
                maxY = Math.max(maxY, i / w);
            }
        }
        return maxX < 0 ? new int[] {0, 0, w - 1, h - 1} : new int[] {minX, minY, maxX, maxY};
    }
}
