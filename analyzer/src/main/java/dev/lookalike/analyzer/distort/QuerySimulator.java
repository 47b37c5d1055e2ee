package dev.lookalike.analyzer.distort;

import dev.lookalike.analyzer.preprocess.PixelImage;

/** Makes the encoded bytes of a simulated user's photo of a dataset item, to query with. Thread-safe. */
@FunctionalInterface
public interface QuerySimulator {

    /**
     * @param index   the item's index, which seeds its randomness: the same item always gets the same photo
     * @param product the catalogue image: a product, bright on dark
     * @return the encoded bytes of the photo (PNG or JPEG), to be decoded like any user's image
     */
    byte[] query(int index, PixelImage product);
}
