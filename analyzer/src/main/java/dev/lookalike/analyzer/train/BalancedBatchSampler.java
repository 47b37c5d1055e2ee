package dev.lookalike.analyzer.train;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Class-balanced batches: every batch holds (nearly) the same number of images of each class, drawn
 * without replacement from a per-class shuffled order that restarts when a class runs out. Balance keeps
 * every proxy in play in every batch, which Proxy-NCA needs when classes differ in size.
 */
final class BalancedBatchSampler {

    private final int[][] byClass;
    private final int batchSize;

    /**
     * @param labels    the label of each training item, in [0, classes)
     * @param classes   the number of classes
     * @param batchSize images per batch
     */
    BalancedBatchSampler(int[] labels, int classes, int batchSize) {
        List<List<Integer>> lists = new ArrayList<>();
        for (int c = 0; c < classes; c++) {
            lists.add(new ArrayList<>());
        }
        for (int i = 0; i < labels.length; i++) {
            lists.get(labels[i]).add(i);
        }
        this.byClass = lists.stream().map(l -> l.stream().mapToInt(Integer::intValue).toArray()).toArray(int[][]::new);
        for (int c = 0; c < classes; c++) {
            if (byClass[c].length == 0) {
                throw new IllegalArgumentException("class " + c + " has no training images");
            }
        }
        this.batchSize = batchSize;
    }

    /**
     * @param items  the number of training items
     * @return the number of batches in an epoch, so that an epoch sees about every item once
     */
    int batchesPerEpoch(int items) {
        return (items + batchSize - 1) / batchSize;
    }

    /**
     * @param batches how many batches
     * @param random  the epoch's random source
     * @return the item indices of each batch
     */
    int[][] epoch(int batches, SplittableRandom random) {
        int classes = byClass.length;
        int[][] order = new int[classes][];
        int[] cursor = new int[classes];
        for (int c = 0; c < classes; c++) {
            order[c] = shuffled(byClass[c], random);
        }
        int[][] out = new int[batches][batchSize];
        for (int b = 0; b < batches; b++) {
            // Rotate which classes get the remainder so that no class is favoured.
            for (int j = 0; j < batchSize; j++) {
                int c = (j + b) % classes;
                if (cursor[c] == order[c].length) {
                    order[c] = shuffled(byClass[c], random);
                    cursor[c] = 0;
                }
                out[b][j] = order[c][cursor[c]++];
            }
        }
        return out;
    }

    private static int[] shuffled(int[] items, SplittableRandom random) {
        int[] copy = items.clone();
        for (int i = copy.length - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int t = copy[i];
            copy[i] = copy[j];
            copy[j] = t;
        }
        return copy;
    }
}
