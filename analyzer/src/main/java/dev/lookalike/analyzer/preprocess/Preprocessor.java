package dev.lookalike.analyzer.preprocess;

import java.awt.image.BufferedImage;
import java.util.Arrays;

/**
 * Turns any image into the network's input as the model's {@link InputSpec} says: grey (BT.601 luma) or
 * colour as the spec's channels ask, on the background polarity the model was trained on (the product found
 * as what differs from a uniform background of any level, lighter or darker), the object cropped and fitted
 * to the input size, normalised. The same steps run on catalogue images, on training images and on users'
 * photos, so that all three meet the model in the same form. Immutable and thread-safe; costs
 * O(pixels × channels) per image.
 *
 * <p>Colour keeps the product's own colours whatever it was photographed on: it comes out as it would on white
 * (each channel its distance from white, so a red shirt is (0, 1, 1) and a blue one (1, 1, 0)) on black. The
 * background level is each channel's border median; a pixel's share of product is its largest channel distance
 * from that level over {@link #COLOUR_PRODUCT_EDGE}, capped at 1, and scales the pixel's distance from white. A
 * colour product on grey, on a coloured wall or on black is so the same input as on white; the price is a white
 * product, which on white is invisible and off white comes out as dark as the background.
 */
public final class Preprocessor {

    /**
     * The largest channel distance from the background (intensities 0..1) from which a colour pixel is all
     * product; nearer the background it is that share product (anti-aliased edges, faint parts).
     */
    public static final float COLOUR_PRODUCT_EDGE = 0.25f;

    private final InputSpec spec;

    /** @param spec the model's input specification */
    public Preprocessor(InputSpec spec) {
        this.spec = spec;
    }

    /** @return the input specification this preprocessor applies */
    public InputSpec spec() {
        return spec;
    }

    /**
     * @param image a decoded image, alpha already flattened
     * @return the network input, {@link InputSpec#size()} floats
     */
    public float[] apply(BufferedImage image) {
        return apply(PixelImage.fromRgb(image, spec.channels()));
    }

    /**
     * @param image a grey or colour image of any size
     * @return the network input, {@link InputSpec#size()} floats
     */
    public float[] apply(PixelImage image) {
        return normalize(fit(image).pixels());
    }

    /**
     * The last step alone: subtracts the spec's mean and divides by its std, channel by channel, in place.
     *
     * @param fitted intensities of a fitted image, as {@link #fit(PixelImage)} gives
     * @return {@code fitted}, normalised
     */
    public float[] normalize(float[] fitted) {
        int plane = spec.width() * spec.height();
        for (int c = 0; c < spec.channels(); c++) {
            float mean = spec.mean(c);
            float std = spec.std(c);
            for (int i = c * plane; i < (c + 1) * plane; i++) {
                fitted[i] = (fitted[i] - mean) / std;
            }
        }
        return fitted;
    }

    /**
     * Mirrors a preprocessed input left to right, for models that average an image with its mirror image.
     *
     * @param input a preprocessed input of {@link InputSpec#size()} floats, channel planes of rows of
     *              {@link InputSpec#width()}
     * @return a new, mirrored input
     */
    public float[] mirror(float[] input) {
        int width = spec.width();
        float[] out = new float[input.length];
        // Every row of every channel plane is a run of width floats: mirror each.
        for (int row = 0; row < input.length / width; row++) {
            for (int x = 0; x < width; x++) {
                out[row * width + x] = input[row * width + width - 1 - x];
            }
        }
        return out;
    }

    /**
     * Every step but the normalisation: useful to show what the model sees.
     *
     * @param image a grey or colour image of any size
     * @return a new image of the input size and channels with intensities in [0, 1]
     */
    public PixelImage fit(PixelImage image) {
        PixelImage onDark = toDarkBackground(image.withChannels(spec.channels()));
        if (!spec.canonicalize()) {
            float[] out = new float[spec.size()];
            int plane = spec.width() * spec.height();
            for (int c = 0; c < onDark.channels(); c++) {
                System.arraycopy(Resampler.resize(onDark, c, 0, 0, onDark.width(), onDark.height(),
                        spec.width(), spec.height()), 0, out, c * plane, plane);
            }
            return new PixelImage(spec.width(), spec.height(), spec.channels(), out);
        }
        return cropAndCentre(onDark);
    }

    /**
     * The inverse of the background step for an image already fitted: the product as a camera would see it, which
     * is what simulated photos are made from. A grey model's fitted image is returned as it is (its preprocessing
     * reads light on dark and dark on light alike); a colour model's is turned back from its distance from white
     * to its own colours on white (starting a photo from the fitted form would give it the complementary
     * colours). Costs one pass over the pixels for colour.
     *
     * @param fitted an image as {@link #fit} returns it
     * @return the product on its catalogue background
     */
    public PixelImage asPhotographed(PixelImage fitted) {
        if (fitted.channels() == 1 || !"dark".equals(spec.background())) {
            return fitted;
        }
        float[] px = fitted.pixels();
        float[] onWhite = new float[px.length];
        for (int i = 0; i < px.length; i++) {
            onWhite[i] = 1 - px[i];
        }
        return new PixelImage(fitted.width(), fitted.height(), fitted.channels(), onWhite);
    }

    /**
     * The product is whatever differs from the background level (the border's median), lighter or darker, so
     * that a product on white, on black or on any grey or colour comes out light on black. Each difference is
     * scaled by the farthest an intensity can lie from that level: a product on black keeps its intensities
     * and one on white comes out inverted, exactly. Each channel has its own level.
     */
    private PixelImage toDarkBackground(PixelImage image) {
        if (!"dark".equals(spec.background())) {
            return image;
        }
        if (image.channels() == 3) {
            return colourOnDark(image);
        }
        float[] px = image.pixels();
        float[] out = new float[px.length];
        int plane = image.width() * image.height();
        for (int c = 0; c < image.channels(); c++) {
            float level = borderMedian(image, c);
            float range = Math.max(1e-3f, Math.max(level, 1 - level));
            for (int i = c * plane; i < (c + 1) * plane; i++) {
                out[i] = Math.abs(px[i] - level) / range;
            }
        }
        return new PixelImage(image.width(), image.height(), image.channels(), out);
    }

    /** A colour product as it would be on white, on black: see the class comment. */
    private static PixelImage colourOnDark(PixelImage image) {
        float[] px = image.pixels();
        int plane = image.width() * image.height();
        float[] level = new float[3];
        for (int c = 0; c < 3; c++) {
            level[c] = borderMedian(image, c);
        }
        float[] out = new float[px.length];
        for (int i = 0; i < plane; i++) {
            float distance = 0;
            for (int c = 0; c < 3; c++) {
                distance = Math.max(distance, Math.abs(px[c * plane + i] - level[c]));
            }
            float share = Math.min(1f, distance / COLOUR_PRODUCT_EDGE);
            for (int c = 0; c < 3; c++) {
                out[c * plane + i] = share * (1 - px[c * plane + i]);
            }
        }
        return new PixelImage(image.width(), image.height(), 3, out);
    }

    private static float borderMedian(PixelImage image, int c) {
        int w = image.width();
        int h = image.height();
        float[] border = new float[h == 1 || w == 1 ? w * h : 2 * w + 2 * (h - 2)];
        int n = 0;
        for (int x = 0; x < w; x++) {
            border[n++] = image.at(c, x, 0);
            if (h > 1) {
                border[n++] = image.at(c, x, h - 1);
            }
        }
        for (int y = 1; y < h - 1; y++) {
            border[n++] = image.at(c, 0, y);
            if (w > 1) {
                border[n++] = image.at(c, w - 1, y);
            }
        }
        Arrays.sort(border, 0, n);
        return border[n / 2];
    }

    /** Whether the pixel at (x, y) stands out from the background in any channel. */
    private boolean isObject(PixelImage image, int x, int y) {
        for (int c = 0; c < image.channels(); c++) {
            if (image.at(c, x, y) > spec.objectThreshold()) {
                return true;
            }
        }
        return false;
    }

    private PixelImage cropAndCentre(PixelImage image) {
        int minX = image.width();
        int minY = image.height();
        int maxX = -1;
        int maxY = -1;
        for (int y = 0; y < image.height(); y++) {
            for (int x = 0; x < image.width(); x++) {
                if (isObject(image, x, y)) {
                    minX = Math.min(minX, x);
                    maxX = Math.max(maxX, x);
                    minY = Math.min(minY, y);
                    maxY = Math.max(maxY, y);
                }
            }
        }
        if (maxX < 0) {
            // Nothing stands out from the background: keep the whole frame.
            minX = 0;
            minY = 0;
            maxX = image.width() - 1;
            maxY = image.height() - 1;
        }
        int cropW = maxX - minX + 1;
        int cropH = maxY - minY + 1;
        double scale = Math.min((double) spec.width() / cropW, (double) spec.height() / cropH);
        int fitW = Math.max(1, Math.min(spec.width(), (int) Math.round(cropW * scale)));
        int fitH = Math.max(1, Math.min(spec.height(), (int) Math.round(cropH * scale)));
        int left = (spec.width() - fitW) / 2;
        int top = (spec.height() - fitH) / 2;
        float[] canvas = new float[spec.size()];
        for (int c = 0; c < image.channels(); c++) {
            float[] fitted = Resampler.resize(image, c, minX, minY, cropW, cropH, fitW, fitH);
            int planeStart = c * spec.width() * spec.height();
            for (int y = 0; y < fitH; y++) {
                System.arraycopy(fitted, y * fitW, canvas, planeStart + (top + y) * spec.width() + left, fitW);
            }
        }
        return new PixelImage(spec.width(), spec.height(), spec.channels(), canvas);
    }
}
