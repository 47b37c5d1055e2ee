package dev.lookalike.analyzer.dataset;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;

/**
 * A dataset cut in two for training: the items to train on and the items held out to measure the model
 * on after each epoch. Stratified: each category gives the same share, and at least two items when it has
 * four or more (so that each held-out item has another of its category to be found by), one when it has two
 * or three; a category's only item stays in training, which cannot do without it. Seeded: the same dataset and
 * seed give the same split, so a resumed run trains and measures on the same items as the first. Costs
 * one pass over the labels and a partial shuffle per category.
 *
 * @param train   the items to train on, in dataset order
 * @param heldOut the items held out, in dataset order
 */
public record HeldOutSplit(SampledDataset train, SampledDataset heldOut) {

    /**
     * @param data     the dataset
     * @param fraction the share of each category to hold out, above 0 and below 1
     * @param seed     the split's seed
     * @return the split
     * @throws IllegalArgumentException if the fraction is out of range
     */
    public static HeldOutSplit stratified(LabelledDataset data, double fraction, long seed) {
        if (!(fraction > 0 && fraction < 1)) {
            throw new IllegalArgumentException("held-out fraction: expected above 0 and below 1, got " + fraction);
        }
        List<List<Integer>> byCategory = new ArrayList<>();
        for (int i = 0; i < data.classNames().size(); i++) {
            byCategory.add(new ArrayList<>());
        }
        for (int i = 0; i < data.size(); i++) {
            byCategory.get(data.label(i)).add(i);
        }
        boolean[] held = new boolean[data.size()];
        for (int c = 0; c < byCategory.size(); c++) {
            List<Integer> items = byCategory.get(c);
            int n = items.size();
            int count = Math.max(n < 2 ? 0 : n < 4 ? 1 : 2, (int) Math.round(n * fraction));
            for (int pick : SampledDataset.randomIndices(n, count, seed * 31 + c)) {
                held[items.get(pick)] = true;
            }
        }
        int[] trainItems = indices(held, false);
        int[] heldItems = indices(held, true);
        String share = String.format(Locale.ROOT, "%.0f %% of each category, seed %d", fraction * 100, seed);
        return new HeldOutSplit(
                SampledDataset.of(data, trainItems, data.description() + " (training: " + trainItems.length + " of "
                        + data.size() + ")"),
                SampledDataset.of(data, heldItems, data.description() + " (held out: " + heldItems.length + " of "
                        + data.size() + ", " + share + ")"));
    }

    /**
     * @return the SHA-256 (hex) of the held-out items' names, in order, one per line: the same folder split the same
     *         way gives the same hash, and one with images added, removed or renamed almost surely another. Costs one
     *         pass over the held-out names.
     */
    public String heldOutNamesSha256() {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            for (int i = 0; i < heldOut.size(); i++) {
                digest.update((heldOut.itemName(i) + "\n").getBytes(StandardCharsets.UTF_8));
            }
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }

    private static int[] indices(boolean[] held, boolean wanted) {
        int[] out = new int[held.length];
        int n = 0;
        for (int i = 0; i < held.length; i++) {
            if (held[i] == wanted) {
                out[n++] = i;
            }
        }
        return Arrays.copyOf(out, n);
    }
}
