package dev.lookalike.analyzer.distort;

import dev.lookalike.analyzer.preprocess.PixelImage;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.util.SplittableRandom;

/**
 * Makes a catalogue image look like a user's photo of the product, to measure how well such queries
 * work: the product enlarged to a few hundred pixels, placed off-centre on a canvas of another aspect ratio
 * with a margin, and JPEG-compressed. A grey catalogue image (Fashion-MNIST's light product on black) is
 * shown on white, inverted and tinted in a random colour; a colour one keeps its colours and its background,
 * which fills the canvas. Deterministic for a given seed and index.
 */
public final class PhotoQuerySimulator implements QuerySimulator {

    private final long seed;
    private final float jpegQuality;

    /**
     * @param seed        the seed; item {@code i} always gets the same photo
     * @param jpegQuality JPEG quality in (0, 1], e.g. 0.75
     */
    public PhotoQuerySimulator(long seed, float jpegQuality) {
        if (!(jpegQuality > 0 && jpegQuality <= 1)) {
            throw new IllegalArgumentException("JPEG quality must be in (0, 1], got " + jpegQuality);
        }
        this.seed = seed;
        this.jpegQuality = jpegQuality;
    }

    /**
     * @param index   the item's index, which seeds its randomness
     * @param product the catalogue image: a product, bright on dark (grey) or as photographed (colour)
     * @return JPEG bytes of an RGB photo of it
     */
    public byte[] photo(int index, PixelImage product) {
        SplittableRandom random = new SplittableRandom(seed * 31 + index);
        int size = 160 + random.nextInt(240);
        float aspect = (float) (0.75 + 0.6 * random.nextDouble());
        int canvasW = Math.round(size * aspect);
        int canvasH = size;
        double fill = 0.55 + 0.35 * random.nextDouble();
        int productSize = (int) Math.round(Math.min(canvasW, canvasH) * fill);
        int left = random.nextInt(Math.max(1, canvasW - productSize));
        int top = random.nextInt(Math.max(1, canvasH - productSize));
        Color tint = Color.getHSBColor((float) random.nextDouble(), (float) (0.2 + 0.6 * random.nextDouble()), 1f);
        BufferedImage shown = product.channels() == 3 ? product.toBufferedImage() : onWhite(product, tint);
        Color canvas = product.channels() == 3 ? RgbImages.borderColour(shown) : Color.WHITE;

        BufferedImage photo = new BufferedImage(canvasW, canvasH, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = photo.createGraphics();
        g.setColor(canvas);
        g.fillRect(0, 0, canvasW, canvasH);
        g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BICUBIC);
        g.drawImage(shown, left, top, productSize, productSize, null);
        g.dispose();
        return JpegCompression.encode(photo, jpegQuality);
    }

    /** A grey light-on-black product as a tinted dark-on-white one. */
    private static BufferedImage onWhite(PixelImage product, Color tint) {
        PixelImage grey = product.withChannels(1);
        BufferedImage onWhite = new BufferedImage(product.width(), product.height(), BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < product.height(); y++) {
            for (int x = 0; x < product.width(); x++) {
                float ink = grey.at(x, y); // 1 = product, 0 = background
                int r = Math.round(255 * (1 - ink * (1 - tint.getRed() / 255f * 0.35f)));
                int g = Math.round(255 * (1 - ink * (1 - tint.getGreen() / 255f * 0.35f)));
                int b = Math.round(255 * (1 - ink * (1 - tint.getBlue() / 255f * 0.35f)));
                onWhite.setRGB(x, y, (r << 16) | (g << 8) | b);
            }
        }
        return onWhite;
    }

    @Override
    public byte[] query(int index, PixelImage product) {
        return photo(index, product);
    }
}
