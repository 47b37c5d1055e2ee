package dev.lookalike.analyzer.distort;

import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.util.SplittableRandom;

/**
 * A photo taken at a slight angle: the image rotated about its centre by an angle drawn uniformly within
 * ±{@code maxDegrees}, on a canvas grown to hold all of it, the corners filled with the background colour
 * (the border's median). Bilinear interpolation; costs one pass over the new canvas.
 *
 * @param maxDegrees the largest rotation either way, in degrees, 0 to 180
 */
public record Rotation(double maxDegrees) implements ImageDistortion {

    /** The range of the query-robustness evaluation: up to 15° either way. */
    public static final double REALISTIC_MAX_DEGREES = 15;

    /** Checks the range. */
    public Rotation {
        if (!(maxDegrees >= 0 && maxDegrees <= 180)) {
            throw new IllegalArgumentException("rotation: max degrees must be in [0, 180], got " + maxDegrees);
        }
    }

    /** @return the rotation of the query-robustness evaluation, up to ±15° */
    public static Rotation realistic() {
        return new Rotation(REALISTIC_MAX_DEGREES);
    }

    /**
     * @param random the random source
     * @return an angle in degrees, uniform in [−maxDegrees, maxDegrees]
     */
    public double drawDegrees(SplittableRandom random) {
        return maxDegrees * (2 * random.nextDouble() - 1);
    }

    @Override
    public BufferedImage apply(BufferedImage image, SplittableRandom random) {
        return rotate(image, drawDegrees(random));
    }

    /**
     * @param image   an RGB image
     * @param degrees the angle, counter-clockwise positive
     * @return the rotated image, on a canvas that holds all of it
     */
    public static BufferedImage rotate(BufferedImage image, double degrees) {
        double radians = Math.toRadians(-degrees);
        double cos = Math.abs(Math.cos(radians));
        double sin = Math.abs(Math.sin(radians));
        int w = image.getWidth();
        int h = image.getHeight();
        // Round down a hair so that the rounding error of cos(0) = 1 does not grow the canvas.
        int newW = Math.max(1, (int) Math.ceil(w * cos + h * sin - 1e-6));
        int newH = Math.max(1, (int) Math.ceil(w * sin + h * cos - 1e-6));
        BufferedImage out = RgbImages.filled(newW, newH, RgbImages.borderColour(image));
        Graphics2D g = out.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
            g.translate(newW / 2.0, newH / 2.0);
            g.rotate(radians);
            g.translate(-w / 2.0, -h / 2.0);
            g.drawImage(image, 0, 0, null);
        } finally {
            g.dispose();
        }
        return out;
    }
}
