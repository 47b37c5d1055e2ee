package dev.lookalike.analyzer.train;

import dev.lookalike.analyzer.dataset.LabelledDataset;
import dev.lookalike.analyzer.image.ImageDecoder;
import dev.lookalike.analyzer.preprocess.PixelImage;
import java.util.List;
import java.util.Random;

/**
 * Three classes of 28x28 shapes on black, each image with its own size, place, brightness and noise:
 * a horizontal bar, a vertical bar, a filled square.
 */
record ShapesDataset(int perClass, long seed, float[][] images) implements LabelledDataset {

    static ShapesDataset of(int perClass, long seed) {
        Random random = new Random(seed);
        float[][] images = new float[3 * perClass][];
        for (int i = 0; i < images.length; i++) {
            images[i] = draw(i % 3, random);
        }
        return new ShapesDataset(perClass, seed, images);
    }

    private static float[] draw(int shape, Random random) {
        float[] px = new float[28 * 28];
        for (int i = 0; i < px.length; i++) {
            px[i] = 0.05f * random.nextFloat();
        }
        int longSide = 14 + random.nextInt(10);
        int shortSide = 3 + random.nextInt(3);
        int w = switch (shape) {
            case 0 -> longSide;
            case 1 -> shortSide;
            default -> 8 + random.nextInt(10);
        };
        int h = shape == 0 ? shortSide : shape == 1 ? longSide : w;
        int left = 2 + random.nextInt(26 - w - 1);
        int top = 2 + random.nextInt(26 - h - 1);
        float ink = 0.6f + 0.4f * random.nextFloat();
        for (int y = top; y < top + h; y++) {
            for (int x = left; x < left + w; x++) {
                px[y * 28 + x] = ink - 0.1f * random.nextFloat();
            }
        }
        return px;
    }

    @Override
    public String description() {
        return "shapes " + seed;
    }

    @Override
    public int size() {
        return images.length;
    }

    @Override
    public int label(int index) {
        return index % 3;
    }

    @Override
    public List<String> classNames() {
        return List.of("horizontal", "vertical", "square");
    }

    @Override
    public String itemName(int index) {
        return description() + " #" + index;
    }

    @Override
    public PixelImage image(int index, ImageDecoder decoder) {
        return PixelImage.grey(28, 28, images[index].clone());
    }
}
