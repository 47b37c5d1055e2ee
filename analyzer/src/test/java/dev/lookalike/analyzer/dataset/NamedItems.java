package dev.lookalike.analyzer.dataset;

import dev.lookalike.analyzer.image.ImageDecoder;
import dev.lookalike.analyzer.preprocess.PixelImage;
import java.util.List;
import java.util.Objects;

/**
 * A test stand-in for a folder of images: items with the given names and labels, each a one-pixel black image, for
 * tests of what is done with names and labels (splits, their records) rather than with pixels.
 *
 * @param description the dataset's description, as a folder's would be
 * @param names       the items' names, in order
 * @param labels      the items' labels, indexes into {@code classNames}, one per name
 * @param classNames  the class names
 */
public record NamedItems(String description, List<String> names, int[] labels, List<String> classNames)
        implements LabelledDataset {

    /** Checks that there is one label per name. */
    public NamedItems {
        Objects.requireNonNull(description);
        if (names.size() != labels.length) {
            throw new IllegalArgumentException(names.size() + " names but " + labels.length + " labels");
        }
    }

    @Override
    public int size() {
        return names.size();
    }

    @Override
    public int label(int index) {
        return labels[index];
    }

    @Override
    public String itemName(int index) {
        return names.get(index);
    }

    @Override
    public PixelImage image(int index, ImageDecoder decoder) {
        return PixelImage.grey(1, 1, new float[] {0f});
    }
}
