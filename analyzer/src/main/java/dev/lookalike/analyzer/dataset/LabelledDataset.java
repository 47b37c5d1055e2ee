package dev.lookalike.analyzer.dataset;

import dev.lookalike.analyzer.image.ImageDecoder;
import dev.lookalike.analyzer.preprocess.PixelImage;
import java.util.List;

/**
 * Labelled images for training and evaluation: Fashion-MNIST's IDX files or a folder per class.
 * Items are addressed by index; labels index {@link #classNames()}.
 */
public interface LabelledDataset {

    /** @return a short description, e.g. {@code fashion-mnist test} */
    String description();

    /** @return the number of items */
    int size();

    /**
     * @param index an item, in [0, size)
     * @return its label, an index into {@link #classNames()}
     */
    int label(int index);

    /** @return the class names, indexed by label */
    List<String> classNames();

    /**
     * @param index an item, in [0, size)
     * @return how a user finds the item: a file path, or {@code dataset #index}
     */
    String itemName(int index);

    /**
     * Reads one item as it is stored: grey for grey datasets such as Fashion-MNIST, red, green and blue for
     * image files (alpha flattened over white by the decoder). The {@link
     * dev.lookalike.analyzer.preprocess.Preprocessor} makes as many channels of it as the model takes.
     *
     * @param index   an item, in [0, size)
     * @param decoder the decoder to use for items stored as image files
     * @return the image
     * @throws dev.lookalike.analyzer.AnalyzerInputException if the item cannot be decoded
     */
    PixelImage image(int index, ImageDecoder decoder);
}
