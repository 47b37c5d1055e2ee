package dev.lookalike.tools.bench;

import dev.lookalike.analyzer.dataset.FashionMnist;
import dev.lookalike.analyzer.dataset.SampledDataset;
import dev.lookalike.analyzer.image.ImageDecoder;
import dev.lookalike.analyzer.image.ImageLimits;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import javax.imageio.ImageIO;

/**
 * A random sample of Fashion-MNIST test images encoded as PNG files, with their categories, for the benchmarks
 * that send images to a node as a shop's catalogue would. Encoding costs about a millisecond an image.
 *
 * @param pngs       the PNG files
 * @param categories the category of each, by Fashion-MNIST's class names
 */
public record FashionPngs(List<byte[]> pngs, List<String> categories) {

    /**
     * @param count how many test images, at most the split's 10,000
     * @param seed  the sample's seed
     * @return the sample, encoded
     * @throws IOException if the dataset cannot be read (the message says how to install it)
     */
    public static FashionPngs sample(int count, long seed) throws IOException {
        SampledDataset sample = SampledDataset.random(FashionMnist.load("test"), count, seed);
        ImageDecoder decoder = new ImageDecoder(ImageLimits.DEFAULT);
        List<byte[]> pngs = new ArrayList<>(sample.size());
        List<String> categories = new ArrayList<>(sample.size());
        for (int i = 0; i < sample.size(); i++) {
            ByteArrayOutputStream png = new ByteArrayOutputStream();
            ImageIO.write(sample.image(i, decoder).toBufferedImage(), "png", png);
            pngs.add(png.toByteArray());
            categories.add(sample.classNames().get(sample.label(i)));
        }
        return new FashionPngs(List.copyOf(pngs), List.copyOf(categories));
    }

    /** @return how many images */
    public int size() {
        return pngs.size();
    }
}
