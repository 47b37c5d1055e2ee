package dev.lookalike.analyzer.dataset;

import dev.lookalike.analyzer.image.ImageDecoder;
import dev.lookalike.analyzer.preprocess.PixelImage;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.IntPredicate;

/**
 * A view of some items of another dataset, in their original order: a seeded random sample, or the
 * items whose label passes a test. Labels and class names stay those of the underlying dataset.
 */
public final class SampledDataset implements LabelledDataset {

    private final LabelledDataset source;
    private final int[] items;
    private final String description;

    private SampledDataset(LabelledDataset source, int[] items, String description) {
        this.source = source;
        this.items = items;
        this.description = description;
    }

    /**
     * @param source the dataset
     * @param count  how many items at most
     * @param seed   the sample's seed
     * @return a random sample of {@code count} items (all of them when there are fewer), in source order
     */
    public static SampledDataset random(LabelledDataset source, int count, long seed) {
        int[] picked = randomIndices(source.size(), count, seed);
        Arrays.sort(picked);
        return new SampledDataset(source, picked, source.description() + " (" + picked.length + " sampled)");
    }

    /**
     * A seeded sample without replacement (a partial Fisher-Yates shuffle): O(n) memory, O(count) swaps.
     *
     * @param n     how many items to draw from, indices 0 to n - 1
     * @param count how many to draw at most
     * @param seed  the sample's seed
     * @return {@code min(count, n)} distinct indices, in the order drawn
     */
    public static int[] randomIndices(int n, int count, long seed) {
        int[] all = new int[n];
        Arrays.setAll(all, i -> i);
        SplittableRandom random = new SplittableRandom(seed);
        int k = Math.min(count, n);
        for (int i = 0; i < k; i++) {
            int j = i + random.nextInt(n - i);
            int t = all[i];
            all[i] = all[j];
            all[j] = t;
        }
        return Arrays.copyOf(all, k);
    }

    /**
     * @param source      the dataset
     * @param items       the items to keep, indices into {@code source}, in the order to keep them
     * @param description the view's description
     * @return a view of those items
     */
    public static SampledDataset of(LabelledDataset source, int[] items, String description) {
        return new SampledDataset(source, items.clone(), description);
    }

    /**
     * @param source the dataset
     * @param keep   which labels to keep
     * @param what   how to describe the kept labels, e.g. {@code classes 5-9}
     * @return the items whose label {@code keep} accepts
     */
    public static SampledDataset ofLabels(LabelledDataset source, IntPredicate keep, String what) {
        int[] picked = java.util.stream.IntStream.range(0, source.size()).filter(i -> keep.test(source.label(i))).toArray();
        return new SampledDataset(source, picked, source.description() + " " + what);
    }

    /**
     * @param index an item of this view
     * @return the index of that item in the source dataset
     */
    public int sourceIndex(int index) {
        return items[index];
    }

    @Override
    public String description() {
        return description;
    }

    @Override
    public int size() {
        return items.length;
    }

    @Override
    public int label(int index) {
        return source.label(items[index]);
    }

    @Override
    public List<String> classNames() {
        return source.classNames();
    }

    @Override
    public String itemName(int index) {
        return source.itemName(items[index]);
    }

    @Override
    public PixelImage image(int index, ImageDecoder decoder) {
        return source.image(items[index], decoder);
    }
}
