package dev.lookalike.analyzer.preprocess;

import dev.lookalike.analyzer.model.InputSpec;
import java.awt.image.BufferedImage;
import java.util.Arrays;

/**
 * Turns any image into the network's input as the model's {@link InputSpec} says: grey, on the background
 * polarity the model was trained on (the product found as what differs from a uniform background of any
 * level, lighter or darker), the object cropped and fitted to the input size, normalised. The same
 * steps run on catalogue images, on training images and on users' photos, so that all three meet the model
 * in the same form. Immutable and thread-safe; costs O(pixels) per image.
 */
public final class Preprocessor {

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
        return apply(GreyImage.fromRgb(image));
    }

    /**
     * @param image a grey image of any size
     * @return the network input, {@link InputSpec#size()} floats
     */
    public float[] apply(GreyImage image) {
        return normalize(fit(image).pixels());
    }

    /**
     * The last step alone: subtracts the spec's mean and divides by its std, in place.
     *
     * @param fitted intensities of a fitted image, as {@link #fit(GreyImage)} gives
     * @return {@code fitted}, normalised
     */
    public float[] normalize(float[] fitted) {
        for (int i = 0; i < fitted.length; i++) {
            fitted[i] = (fitted[i] - spec.mean()) / spec.std();
        }
        return fitted;
    }

    /**
     * Mirrors a preprocessed input left to right, for models that average an image with its mirror image.
     *
     * @param input a preprocessed input of {@link InputSpec#size()} floats, rows of {@link InputSpec#width()}
     * @return a new, mirrored input
     */
    public float[] mirror(float[] input) {
        int width = spec.width();
        float[] out = new float[input.length];
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
     * @param image a grey image of any size
     * @return a new image of the input size with intensities in [0, 1]
     */
    public GreyImage fit(GreyImage image) {
        GreyImage onDark = toDarkBackground(image);
        if (!spec.canonicalize()) {
            return new GreyImage(spec.width(), spec.height(), Resampler.resize(
                    onDark, 0, 0, onDark.width(), onDark.height(), spec.width(), spec.height()));
        }
        return cropAndCentre(onDark);
    }

    /**
     * The product is whatever differs from the background level (the border's median), lighter or darker, so
     * that a product on white, on black or on any grey or colour comes out light on black. Each difference is
     * scaled by the farthest an intensity can lie from that level: a product on black keeps its intensities
     * and one on white comes out inverted, exactly.
     */
    private GreyImage toDarkBackground(GreyImage image) {
        if (!"dark".equals(spec.background())) {
            return image;
        }
        float[] px = image.pixels();
        float level = borderMedian(image);
        float range = Math.max(1e-3f, Math.max(level, 1 - level));
        float[] out = new float[px.length];
        for (int i = 0; i < px.length; i++) {
            out[i] = Math.abs(px[i] - level) / range;
        }
        return new GreyImage(image.width(), image.height(), out);
    }

    private static float borderMedian(GreyImage image) {
        int w = image.width();
        int h = image.height();
        float[] border = new float[h == 1 || w == 1 ? w * h : 2 * w + 2 * (h - 2)];
        int n = 0;
        for (int x = 0; x < w; x++) {
            border[n++] = image.at(x, 0);
            if (h > 1) {
                border[n++] = image.at(x, h - 1);
            }
        }
        for (int y = 1; y < h - 1; y++) {
            border[n++] = image.at(0, y);
            if (w > 1) {
                border[n++] = image.at(w - 1, y);
            }
        }
        Arrays.sort(border, 0, n);
        return border[n / 2];
    }

    private GreyImage cropAndCentre(GreyImage image) {
        int minX = image.width();
        int minY = image.height();
        int maxX = -1;
        int maxY = -1;
        for (int y = 0; y < image.height(); y++) {
            for (int x = 0; x < image.width(); x++) {
                if (image.at(x, y) > spec.objectThreshold()) {
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
        float[] fitted = Resampler.resize(image, minX, minY, cropW, cropH, fitW, fitH);
        float[] canvas = new float[spec.width() * spec.height()];
        int left = (spec.width() - fitW) / 2;
        int top = (spec.height() - fitH) / 2;
        for (int y = 0; y < fitH; y++) {
            System.arraycopy(fitted, y * fitW, canvas, (top + y) * spec.width() + left, fitW);
        }
        return new GreyImage(spec.width(), spec.height(), canvas);
    }
}
