package dev.lookalike.analyzer.dataset;

import dev.lookalike.analyzer.image.ImageDecoder;
import dev.lookalike.analyzer.image.ImageLimits;
import dev.lookalike.analyzer.preprocess.PixelImage;
import dev.lookalike.analyzer.preprocess.Resampler;
import java.awt.image.BufferedImage;
import java.util.List;
import java.util.SplittableRandom;

/**
 * "Colour Fashion-MNIST": each product of a grey dataset of light products on black (Fashion-MNIST) drawn
 * in one of the named colours of {@link #PALETTE} on a white background, scaled up to a square of
 * {@code size} pixels. The grey intensity is the product's coverage: a pixel of intensity {@code v}
 * becomes {@code v * colour + (1 - v) * white}, so the background is pure white, the product's solid
 * parts are its colour and its faint parts a tint of it. The colour of item {@code i} is drawn from the
 * palette by a generator seeded with {@code seed} and {@code i} alone, so it does not depend on which
 * other items are rendered, or in which order.
 *
 * <p>Labels and class names are the source's (the category); {@link #colour(int)} gives the colour.
 * {@link #image(int, ImageDecoder)} reads an item as grey, as the grey pipeline reads the PNG
 * {@link #rgbImage(int)} writes. Rendering an item costs one resampling to {@code size²} pixels (bilinear when
 * enlarging, area averaging when shrinking); nothing is cached.
 */
public final class ColourFashionMnist implements LabelledDataset {

    /**
     * A colour of the palette.
     *
     * @param name the colour's name, as the catalogue's {@code colour} field holds it
     * @param rgb  the colour, {@code 0xRRGGBB}
     */
    public record NamedColour(String name, int rgb) {
    }

    /**
     * Eight colours far apart in hue and dark enough to stand out from white in grey too (BT.601 luma
     * at most 0.61), so that the grey pipeline still finds the product and JPEG keeps them apart.
     */
    public static final List<NamedColour> PALETTE = List.of(
            new NamedColour("red", 0xC81E1E),
            new NamedColour("orange", 0xE66E00),
            new NamedColour("yellow", 0xC8A000),
            new NamedColour("green", 0x28962D),
            new NamedColour("teal", 0x008282),
            new NamedColour("blue", 0x1E3CC8),
            new NamedColour("purple", 0x78289B),
            new NamedColour("pink", 0xE6509B));

    /** The side of a rendered image unless told otherwise: twice Fashion-MNIST's 28. */
    public static final int DEFAULT_SIZE = 56;
    /** The largest side allowed: far beyond any use, far below exhausting memory. */
    public static final int MAX_SIZE = 1024;

    private final LabelledDataset grey;
    private final int size;
    private final long seed;
    private final ImageDecoder decoder = new ImageDecoder(ImageLimits.DEFAULT);

    /**
     * @param grey the grey dataset: light products on black, intensities in [0, 1]
     * @param size the side of the square images, in pixels, from 1 to {@value #MAX_SIZE}
     * @param seed picks each item's colour
     * @throws IllegalArgumentException if the size is out of range
     */
    public ColourFashionMnist(LabelledDataset grey, int size, long seed) {
        if (size < 1 || size > MAX_SIZE) {
            throw new IllegalArgumentException("--size: expected 1 to " + MAX_SIZE + " pixels, got " + size);
        }
        this.grey = grey;
        this.size = size;
        this.seed = seed;
    }

    /**
     * @param index an item, in [0, size)
     * @return its colour: the same for the same seed and index, whatever else is rendered
     */
    public NamedColour colour(int index) {
        return PALETTE.get(new SplittableRandom(seed * 1_000_003L + index).nextInt(PALETTE.size()));
    }

    /**
     * Renders an item.
     *
     * @param index an item, in [0, size)
     * @return a new {@code size × size} RGB image: the product in its colour on white
     */
    public BufferedImage rgbImage(int index) {
        PixelImage source = grey.image(index, decoder);
        int rgb = colour(index).rgb();
        int[] product = {(rgb >> 16) & 0xff, (rgb >> 8) & 0xff, rgb & 0xff};
        float[] ink = Resampler.resize(source, 0, 0, 0, source.width(), source.height(), size, size);
        BufferedImage out = new BufferedImage(size, size, BufferedImage.TYPE_INT_RGB);
        int[] row = new int[size];
        for (int y = 0; y < size; y++) {
            for (int x = 0; x < size; x++) {
                float v = Math.max(0f, Math.min(1f, ink[y * size + x]));
                int r = Math.round(255 + v * (product[0] - 255));
                int g = Math.round(255 + v * (product[1] - 255));
                int b = Math.round(255 + v * (product[2] - 255));
                row[x] = (r << 16) | (g << 8) | b;
            }
            out.setRGB(0, y, size, 1, row, 0, size);
        }
        return out;
    }

    /** @return the side of the rendered images, in pixels */
    public int imageSize() {
        return size;
    }

    @Override
    public String description() {
        return grey.description() + " in colour (" + size + " px)";
    }

    @Override
    public int size() {
        return grey.size();
    }

    @Override
    public int label(int index) {
        return grey.label(index);
    }

    @Override
    public List<String> classNames() {
        return grey.classNames();
    }

    @Override
    public String itemName(int index) {
        return grey.itemName(index) + " (" + colour(index).name() + ")";
    }

    /** Reads the rendered item as grey (BT.601 luma), as the grey pipeline reads its PNG; the decoder is unused. */
    @Override
    public PixelImage image(int index, ImageDecoder decoder) {
        return PixelImage.fromRgb(rgbImage(index));
    }
}
