package dev.lookalike.analyzer.distort;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.util.SplittableRandom;

/**
 * A product photographed on a table or against a wall: the uniform background (the border's median colour)
 * is replaced by a grey or a coloured one, and the product is shown either as it is or inverted (dark on
 * light, as a product on white looks once the catalogue's light-on-black is undone), each with probability ½;
 * {@link #keepingColours()} never inverts, for catalogues whose images are already as photographed (a colour
 * catalogue: inverting a red shirt would make it cyan, a black one white).
 * A pixel's share of product (its alpha) is its largest channel difference from the old background over
 * {@link #PRODUCT_EDGE}, capped at 1; pixels that are all product keep their colour, and the product's
 * colour is carried outwards over its anti-aliased edge (the mean of the neighbours that already have one),
 * so that the edge blends from the product into the new colour without the dark rim of the old background. Grey backgrounds have a level in [0.2, 0.8]; coloured ones any hue, saturation in [0.3, 0.9] and
 * brightness in [0.35, 0.95]. Costs one pass over the pixels.
 */
public final class BackgroundReplacement implements ImageDistortion {

    /** The channel difference from the background (0..255) from which a pixel is all product. */
    public static final int PRODUCT_EDGE = 64;

    /** How far, in pixels, the product's colour is carried over its edge. */
    static final int EDGE_PASSES = 12;

    private final boolean mayInvert;

    /** Creates the background replacement of the query-robustness evaluation for grey catalogue images. */
    public BackgroundReplacement() {
        this(true);
    }

    private BackgroundReplacement(boolean mayInvert) {
        this.mayInvert = mayInvert;
    }

    /**
     * @return the replacement that always shows the product as it is: the same backgrounds, drawn from the same
     *         random values, so a query differs from the inverting replacement's only in the product's polarity
     */
    public static BackgroundReplacement keepingColours() {
        return new BackgroundReplacement(false);
    }

    /**
     * A new background and how the product is shown on it.
     *
     * @param colour        the background colour
     * @param invertProduct whether the product is inverted (dark on light)
     */
    public record Choice(Color colour, boolean invertProduct) {
    }

    /**
     * @param random the random source
     * @return a grey or coloured background, each with probability ½, and whether to invert the product (never,
     *         for {@link #keepingColours()}, though the draw is made all the same)
     */
    public Choice drawChoice(SplittableRandom random) {
        Color colour;
        if (random.nextBoolean()) {
            int level = (int) Math.round(255 * (0.2 + 0.6 * random.nextDouble()));
            colour = new Color(level, level, level);
        } else {
            colour = Color.getHSBColor((float) random.nextDouble(), (float) (0.3 + 0.6 * random.nextDouble()),
                    (float) (0.35 + 0.6 * random.nextDouble()));
        }
        boolean invert = random.nextBoolean();
        return new Choice(colour, mayInvert && invert);
    }

    @Override
    public BufferedImage apply(BufferedImage image, SplittableRandom random) {
        return replace(image, drawChoice(random));
    }

    /**
     * @param image  an RGB image of a product on a uniform background
     * @param choice the new background and the product's polarity
     * @return the product on the new background
     */
    public static BufferedImage replace(BufferedImage image, Choice choice) {
        int old = RgbImages.borderColour(image).getRGB() & 0xffffff;
        int fill = choice.colour().getRGB() & 0xffffff;
        int[] px = RgbImages.pixels(image);
        double[] alpha = new double[px.length];
        for (int i = 0; i < px.length; i++) {
            alpha[i] = Math.min(1.0, RgbImages.channelDistance(px[i], old) / (double) PRODUCT_EDGE);
        }
        int[] colour = productColour(px, alpha, image.getWidth());
        for (int i = 0; i < px.length; i++) {
            int shown = choice.invertProduct() ? ~colour[i] & 0xffffff : colour[i];
            px[i] = blend(shown, fill, alpha[i]);
        }
        return RgbImages.of(image.getWidth(), image.getHeight(), px);
    }

    /**
     * The product's colour under every pixel: its own where it is all product, else carried outwards from
     * there, one pixel per pass, up to {@link #EDGE_PASSES} pixels (anti-aliased edges are narrower).
     */
    private static int[] productColour(int[] px, double[] alpha, int width) {
        int[] colour = px.clone();
        boolean[] known = new boolean[px.length];
        for (int i = 0; i < px.length; i++) {
            known[i] = alpha[i] == 1;
        }
        int[] neighbours = {-1, 1, -width, width};
        for (int pass = 0; pass < EDGE_PASSES; pass++) {
            boolean[] next = known.clone();
            for (int i = 0; i < px.length; i++) {
                if (known[i] || alpha[i] == 0) {
                    continue;
                }
                int n = 0;
                int[] sum = new int[3];
                for (int d : neighbours) {
                    int j = i + d;
                    boolean sameRow = d == -1 || d == 1 ? j / width == i / width : true;
                    if (j >= 0 && j < px.length && sameRow && known[j]) {
                        n++;
                        for (int c = 0; c < 3; c++) {
                            sum[c] += (colour[j] >> (16 - 8 * c)) & 0xff;
                        }
                    }
                }
                if (n > 0) {
                    colour[i] = ((sum[0] / n) << 16) | ((sum[1] / n) << 8) | (sum[2] / n);
                    next[i] = true;
                }
            }
            known = next;
        }
        return colour;
    }

    private static int blend(int product, int background, double share) {
        int out = 0;
        for (int shift = 0; shift <= 16; shift += 8) {
            out |= RgbImages.clamp(share * ((product >> shift) & 0xff) + (1 - share) * ((background >> shift) & 0xff)) << shift;
        }
        return out;
    }
}
