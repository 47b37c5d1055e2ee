package dev.lookalike.analyzer.distort;

import java.awt.image.BufferedImage;
import java.util.SplittableRandom;

/**
 * Other light: every channel {@code v} (0..1) becomes {@code (v − ½)·contrast + ½ + brightness}, clipped,
 * with the contrast drawn uniformly from [1 − {@code maxContrastChange}, 1 + {@code maxContrastChange}] and
 * the brightness from ±{@code maxBrightnessChange}. Costs one pass over the pixels.
 *
 * @param maxContrastChange   how far the contrast factor may move from 1, 0 to 1
 * @param maxBrightnessChange how far the brightness may move, as a fraction of full scale, 0 to 1
 */
public record BrightnessContrast(double maxContrastChange, double maxBrightnessChange) implements ImageDistortion {

    /** Checks the ranges. */
    public BrightnessContrast {
        if (!(maxContrastChange >= 0 && maxContrastChange <= 1 && maxBrightnessChange >= 0 && maxBrightnessChange <= 1)) {
            throw new IllegalArgumentException("contrast and brightness changes must lie in [0, 1], got "
                    + maxContrastChange + " and " + maxBrightnessChange);
        }
    }

    /** @return the light change of the query-robustness evaluation: contrast ×0.6 to ×1.4, brightness ±0.2 */
    public static BrightnessContrast realistic() {
        return new BrightnessContrast(0.4, 0.2);
    }

    /**
     * A change of light.
     *
     * @param contrast   the factor around mid-grey
     * @param brightness the shift, as a fraction of full scale
     */
    public record Change(double contrast, double brightness) {
    }

    /**
     * @param random the random source
     * @return a contrast and a brightness, each uniform in its range
     */
    public Change drawChange(SplittableRandom random) {
        double contrast = 1 + maxContrastChange * (2 * random.nextDouble() - 1);
        return new Change(contrast, maxBrightnessChange * (2 * random.nextDouble() - 1));
    }

    @Override
    public BufferedImage apply(BufferedImage image, SplittableRandom random) {
        return change(image, drawChange(random));
    }

    /**
     * @param image  an RGB image
     * @param change the contrast and brightness
     * @return the changed image
     */
    public static BufferedImage change(BufferedImage image, Change change) {
        int[] px = RgbImages.pixels(image);
        double offset = 127.5 + 255 * change.brightness();
        for (int i = 0; i < px.length; i++) {
            px[i] = RgbImages.mapChannels(px[i], v -> (v - 127.5) * change.contrast() + offset);
        }
        return RgbImages.of(image.getWidth(), image.getHeight(), px);
    }
}
