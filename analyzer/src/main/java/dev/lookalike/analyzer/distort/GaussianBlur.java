package dev.lookalike.analyzer.distort;

import java.awt.image.BufferedImage;
import java.util.SplittableRandom;

/**
 * A photo slightly out of focus or shaken: a Gaussian blur whose standard deviation is a fraction of the
 * image's longer side drawn uniformly from [{@code minSigma}, {@code maxSigma}], so that the same blur hits a
 * large and a small photo alike. Separable, edges clamped; costs O(pixels × σ).
 *
 * @param minSigma the smallest standard deviation, as a fraction of the longer side, ≥ 0
 * @param maxSigma the largest, {@code minSigma} to 0.25
 */
public record GaussianBlur(double minSigma, double maxSigma) implements ImageDistortion {

    /** Checks the range. */
    public GaussianBlur {
        if (!(minSigma >= 0 && minSigma <= maxSigma && maxSigma <= 0.25)) {
            throw new IllegalArgumentException("blur sigma range must lie in [0, 0.25], low to high, got "
                    + minSigma + ".." + maxSigma);
        }
    }

    /** @return the blur of the query-robustness evaluation: σ of 0.5 to 2 % of the longer side */
    public static GaussianBlur realistic() {
        return new GaussianBlur(0.005, 0.02);
    }

    /**
     * @param random the random source
     * @return a standard deviation, as a fraction of the longer side, uniform in [minSigma, maxSigma]
     */
    public double drawSigma(SplittableRandom random) {
        return minSigma + (maxSigma - minSigma) * random.nextDouble();
    }

    @Override
    public BufferedImage apply(BufferedImage image, SplittableRandom random) {
        return blur(image, drawSigma(random) * Math.max(image.getWidth(), image.getHeight()));
    }

    /**
     * @param image an RGB image
     * @param sigma the standard deviation in pixels; below 0.01 the image is copied unchanged
     * @return the blurred image
     */
    public static BufferedImage blur(BufferedImage image, double sigma) {
        int w = image.getWidth();
        int h = image.getHeight();
        int[] px = RgbImages.pixels(image);
        if (sigma < 0.01) {
            return RgbImages.of(w, h, px);
        }
        double[] kernel = kernel(sigma);
        int[] rows = pass(px, w, h, kernel, 1, w);
        return RgbImages.of(w, h, pass(rows, w, h, kernel, w, h));
    }

    private static double[] kernel(double sigma) {
        int radius = (int) Math.ceil(3 * sigma);
        double[] k = new double[2 * radius + 1];
        double sum = 0;
        for (int i = -radius; i <= radius; i++) {
            k[i + radius] = Math.exp(-i * i / (2 * sigma * sigma));
            sum += k[i + radius];
        }
        for (int i = 0; i < k.length; i++) {
            k[i] /= sum;
        }
        return k;
    }

    /** One 1-d pass: {@code step} is 1 along rows or the width along columns, {@code length} the line's length. */
    private static int[] pass(int[] px, int w, int h, double[] kernel, int step, int length) {
        int radius = kernel.length / 2;
        int[] out = new int[px.length];
        for (int i = 0; i < px.length; i++) {
            int along = step == 1 ? i % w : i / w;
            double r = 0;
            double g = 0;
            double b = 0;
            for (int k = -radius; k <= radius; k++) {
                int at = Math.max(0, Math.min(length - 1, along + k));
                int p = px[i + (at - along) * step];
                double weight = kernel[k + radius];
                r += weight * ((p >> 16) & 0xff);
                g += weight * ((p >> 8) & 0xff);
                b += weight * (p & 0xff);
            }
            out[i] = (RgbImages.clamp(r) << 16) | (RgbImages.clamp(g) << 8) | RgbImages.clamp(b);
        }
        return out;
    }
}
