package dev.lookalike.analyzer.preprocess;

/**
 * Resizes a rectangle of one channel of an image, one axis at a time: an exact area average when shrinking (so a
 * large photo is not aliased into noise) and bilinear interpolation when enlarging. Costs
 * O(source area + target area) per call; holds no state.
 */
public final class Resampler {

    private Resampler() {
    }

    /**
     * @param src     the source image
     * @param channel the channel to read, in [0, channels)
     * @param x0      left of the rectangle to read
     * @param y0      top of the rectangle to read
     * @param width   width of the rectangle
     * @param height  height of the rectangle
     * @param targetW width of the result
     * @param targetH height of the result
     * @return {@code targetW * targetH} intensities, row-major
     */
    public static float[] resize(PixelImage src, int channel, int x0, int y0, int width, int height, int targetW, int targetH) {
        Taps xs = Taps.of(width, targetW);
        Taps ys = Taps.of(height, targetH);
        // Horizontal pass over the rows of the rectangle, then a vertical pass.
        float[] rows = new float[height * targetW];
        for (int y = 0; y < height; y++) {
            int rowStart = (channel * src.height() + y0 + y) * src.width() + x0;
            for (int x = 0; x < targetW; x++) {
                rows[y * targetW + x] = xs.apply(src.pixels(), rowStart, 1, x);
            }
        }
        float[] out = new float[targetH * targetW];
        for (int x = 0; x < targetW; x++) {
            for (int y = 0; y < targetH; y++) {
                out[y * targetW + x] = ys.apply(rows, x, targetW, y);
            }
        }
        return out;
    }

    /** For each target index along one axis, the source indices it reads and their weights. */
    private record Taps(int[][] index, float[][] weight) {

        static Taps of(int source, int target) {
            int[][] index = new int[target][];
            float[][] weight = new float[target][];
            double scale = (double) source / target;
            for (int t = 0; t < target; t++) {
                if (scale > 1) {
                    double from = t * scale;
                    double to = from + scale;
                    int first = (int) Math.floor(from);
                    int last = Math.min(source - 1, (int) Math.ceil(to) - 1);
                    index[t] = new int[last - first + 1];
                    weight[t] = new float[last - first + 1];
                    for (int s = first; s <= last; s++) {
                        double covered = Math.min(to, s + 1) - Math.max(from, s);
                        index[t][s - first] = s;
                        weight[t][s - first] = (float) (covered / scale);
                    }
                } else {
                    double centre = Math.max(0, Math.min(source - 1, (t + 0.5) * scale - 0.5));
                    int left = (int) Math.floor(centre);
                    int right = Math.min(source - 1, left + 1);
                    float frac = (float) (centre - left);
                    index[t] = new int[] {left, right};
                    weight[t] = new float[] {1 - frac, frac};
                }
            }
            return new Taps(index, weight);
        }

        float apply(float[] data, int offset, int stride, int t) {
            float sum = 0;
            int[] idx = index[t];
            float[] w = weight[t];
            for (int i = 0; i < idx.length; i++) {
                sum += w[i] * data[offset + idx[i] * stride];
            }
            return sum;
        }
    }
}
