package dev.lookalike.analyzer.train;

import java.util.SplittableRandom;

/**
 * Training-time augmentation of fitted input images (intensities in [0, 1], objects on dark, one plane per
 * channel): a horizontal flip, a random scale and shift (a product is rarely framed exactly as in the
 * catalogue), and a random contrast, and optionally random erasing (a rectangle of 2–25 % of the image,
 * aspect ratio 1:3 to 3:1, overwritten with uniform noise). Every channel gets the same flip, scale, shift and
 * contrast factor and the erased rectangle spans every channel, so that colour images keep their hue: a
 * catalogue labelled by colour must not learn that a red shirt may look orange. Sampling is bilinear;
 * stateless, so one instance serves every thread.
 */
final class Augmenter {

    private final int width;
    private final int height;
    private final int channels;
    private final float erasing;

    /**
     * @param width    the fitted image's width
     * @param height   the fitted image's height
     * @param channels the fitted image's channels
     * @param erasing  the probability of random erasing, 0 for none
     */
    Augmenter(int width, int height, int channels, float erasing) {
        this.width = width;
        this.height = height;
        this.channels = channels;
        this.erasing = erasing;
    }

    /**
     * @param src    a fitted image, {@code channels * width * height} intensities
     * @param random the random source for this image
     * @return a new, augmented image
     */
    float[] augment(float[] src, SplittableRandom random) {
        boolean flip = random.nextBoolean();
        double scale = 0.9 + 0.2 * random.nextDouble();
        double dx = random.nextDouble(-2, 2);
        double dy = random.nextDouble(-2, 2);
        float contrast = (float) (0.8 + 0.4 * random.nextDouble());
        double cx = (width - 1) / 2.0;
        double cy = (height - 1) / 2.0;
        int plane = width * height;
        float[] out = new float[channels * plane];
        for (int c = 0; c < channels; c++) {
            for (int y = 0; y < height; y++) {
                for (int x = 0; x < width; x++) {
                    // Inverse mapping: where in the source does this output pixel come from?
                    double sx = (x - cx - dx) / scale + cx;
                    double sy = (y - cy - dy) / scale + cy;
                    if (flip) {
                        sx = width - 1 - sx;
                    }
                    out[c * plane + y * width + x] = Math.min(1f, contrast * sample(src, c * plane, sx, sy));
                }
            }
        }
        // Drawn after the geometric parameters, so that runs without erasing stay as they were.
        if (erasing > 0 && random.nextDouble() < erasing) {
            erase(out, random);
        }
        return out;
    }

    private void erase(float[] image, SplittableRandom random) {
        double area = width * height * random.nextDouble(0.02, 0.25);
        double aspect = Math.exp(random.nextDouble(Math.log(1 / 3.0), Math.log(3.0)));
        int w = (int) Math.min(width, Math.max(1, Math.round(Math.sqrt(area * aspect))));
        int h = (int) Math.min(height, Math.max(1, Math.round(Math.sqrt(area / aspect))));
        int left = random.nextInt(width - w + 1);
        int top = random.nextInt(height - h + 1);
        for (int c = 0; c < channels; c++) {
            for (int y = top; y < top + h; y++) {
                for (int x = left; x < left + w; x++) {
                    image[c * width * height + y * width + x] = random.nextFloat();
                }
            }
        }
    }

    private float sample(float[] src, int plane, double x, double y) {
        int x0 = (int) Math.floor(x);
        int y0 = (int) Math.floor(y);
        float fx = (float) (x - x0);
        float fy = (float) (y - y0);
        return (1 - fy) * ((1 - fx) * at(src, plane, x0, y0) + fx * at(src, plane, x0 + 1, y0))
                + fy * ((1 - fx) * at(src, plane, x0, y0 + 1) + fx * at(src, plane, x0 + 1, y0 + 1));
    }

    private float at(float[] src, int plane, int x, int y) {
        return x < 0 || y < 0 || x >= width || y >= height ? 0f : src[plane + y * width + x];
    }
}
