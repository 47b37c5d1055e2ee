package dev.lookalike.analyzer.model;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.lookalike.analyzer.AnalyzerInputException;
import dev.lookalike.analyzer.dataset.HeldOutSplit;
import dev.lookalike.analyzer.dataset.LabelledDataset;
import java.util.Locale;

/**
 * Which images of a folder a training run held out to evaluate on, recorded in the bundle's spec so that
 * {@code eval --held-out} can query with exactly those images later: the split {@code
 * HeldOutSplit.stratified(folder, fraction, seed)} gives, which held out {@code images} images whose names hash
 * to {@code namesSha256} when the run trained (a different hash means the folder has changed since, and the split
 * with it).
 *
 * @param fraction    the share of each category held out, above 0 and below 1
 * @param seed        the split's seed
 * @param images      how many images were held out
 * @param namesSha256 the SHA-256 of the held-out images' names, in order, one per line (hex)
 */
public record HeldOutProvenance(
        @JsonProperty("fraction") double fraction,
        @JsonProperty("seed") long seed,
        @JsonProperty("images") int images,
        @JsonProperty("names_sha256") String namesSha256) {

    /**
     * @param split    the split a training run made
     * @param fraction the share of each category it held out
     * @param seed     its seed
     * @return the record of that split, for the bundle's spec. Costs one pass over the held-out names.
     */
    public static HeldOutProvenance of(HeldOutSplit split, double fraction, long seed) {
        return new HeldOutProvenance(fraction, seed, split.heldOut().size(), split.heldOutNamesSha256());
    }

    /**
     * Splits a folder again as the training run did, and checks that it still splits the same way.
     *
     * @param data the folder the model was trained on, as it is now
     * @return the same split as in training: its held-out images are the ones the model never saw
     * @throws AnalyzerInputException naming the folder if it no longer splits as recorded (images added, removed or
     *                                renamed since), because which images the model never saw is then unknown
     */
    public HeldOutSplit splitOf(LabelledDataset data) {
        HeldOutSplit split = HeldOutSplit.stratified(data, fraction, seed);
        if (split.heldOut().size() != images || !split.heldOutNamesSha256().equals(namesSha256)) {
            throw new AnalyzerInputException(data.description(), String.format(Locale.ROOT, "no longer splits as it"
                    + " did in training (%.0f %% of each category, seed %d: %d images held out then, %d other or"
                    + " differently named ones now): the folder has changed since, so which images the model never"
                    + " saw is no longer known", fraction * 100, seed, images, split.heldOut().size()));
        }
        return split;
    }
}
