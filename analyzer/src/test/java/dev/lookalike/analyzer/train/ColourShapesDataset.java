package dev.lookalike.analyzer.train;

import dev.lookalike.analyzer.dataset.LabelledDataset;
import dev.lookalike.analyzer.image.ImageDecoder;
import dev.lookalike.analyzer.preprocess.PixelImage;
import java.util.List;
import java.util.Random;

/**
 * Two classes that differ only by colour: bars and squares of random size, place and brightness on black,
 * in red or in a green of the same luma, so that a grey image of one class could as well be of the other.
 * Images are 40x30 colour.
 */
record ColourShapesDataset(int perClass, long seed, float[][] images) implements LabelledDataset {

    static final int WIDTH = 40;
    static final int HEIGHT = 30;

    /** Red and green weighted by the BT.601 luma weights: 0.299 * 1 = 0.587 * 0.5094. */
    private static final float[][] COLOURS = {{1f, 0f, 0f}, {0f, 0.299f / 0.587f, 0f}};

    static ColourShapesDataset of(int perClass, long seed) {
        Random random = new Random(seed);
        float[][] images = new float[2 * perClass][];
        for (int i = 0; i < images.length; i++) {
            images[i] = draw(COLOURS[i % 2], random);
        }
        return new ColourShapesDataset(perClass, seed, images);
    }

    private static float[] draw(float[] colour, Random random) {
        int plane = WIDTH * HEIGHT;
        float[] px = new float[3 * plane];
        int w = 4 + random.nextInt(20);
        int h = 4 + random.nextInt(18);
        int left = 2 + random.nextInt(WIDTH - w - 3);
        int top = 2 + random.nextInt(HEIGHT - h - 3);
        float brightness = 0.6f + 0.4f * random.nextFloat();
        for (int c = 0; c < 3; c++) {
            for (int y = top; y < top + h; y++) {
                for (int x = left; x < left + w; x++) {
                    px[c * plane + y * WIDTH + x] = brightness * colour[c];
                }
            }
        }
        return px;
    }

    @Override
    public String description() {
        return "colour shapes " + seed;
    }

    @Override
    public int size() {
        return images.length;
    }

    @Override
    public int label(int index) {
        return index % 2;
    }

    @Override
    public List<String> classNames() {
        return List.of("red", "green");
    }

    @Override
    public String itemName(int index) {
        return description() + " #" + index;
    }

    @Override
    public PixelImage image(int index, ImageDecoder decoder) {
        return new PixelImage(WIDTH, HEIGHT, 3, images[index].clone());
    }
}
