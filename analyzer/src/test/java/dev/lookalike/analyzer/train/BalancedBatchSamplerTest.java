package dev.lookalike.analyzer.train;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class BalancedBatchSamplerTest {

    /** 50 items of class 0, 7 of class 1, 20 of class 2, interleaved. */
    private static int[] unevenLabels() {
        List<Integer> labels = new ArrayList<>();
        int[] left = {50, 7, 20};
        while (left[0] + left[1] + left[2] > 0) {
            for (int c = 0; c < 3; c++) {
                if (left[c]-- > 0) {
                    labels.add(c);
                }
            }
        }
        return labels.stream().mapToInt(Integer::intValue).toArray();
    }

    @Test
    void everyBatchHoldsEachClassEquallyOften() {
        int[] labels = unevenLabels();
        for (int batchSize : new int[] {10, 12, 31}) {
            BalancedBatchSampler sampler = new BalancedBatchSampler(labels, 3, batchSize);
            int batches = sampler.batchesPerEpoch(labels.length);
            int[][] epoch = sampler.epoch(batches, new SplittableRandom(1));
            assertEquals(batches, epoch.length);
            for (int[] batch : epoch) {
                assertEquals(batchSize, batch.length);
                int[] perClass = new int[3];
                for (int item : batch) {
                    assertTrue(item >= 0 && item < labels.length, "index " + item);
                    perClass[labels[item]]++;
                }
                for (int c = 0; c < 3; c++) {
                    assertTrue(Math.abs(perClass[c] - batchSize / 3.0) <= 1,
                            "class " + c + " has " + perClass[c] + " of " + batchSize);
                }
            }
        }
    }

    @Test
    void aClassIsDrawnWithoutReplacementUntilItRunsOut() {
        int[] labels = unevenLabels();
        int[][] epoch = new BalancedBatchSampler(labels, 3, 10).epoch(8, new SplittableRandom(2));
        List<Integer> drawsOfClass1 = new ArrayList<>();
        for (int[] batch : epoch) {
            for (int item : batch) {
                if (labels[item] == 1) {
                    drawsOfClass1.add(item);
                }
            }
        }
        assertTrue(drawsOfClass1.size() >= 21);
        for (int pass = 0; pass < 3; pass++) {
            Set<Integer> distinct = new HashSet<>(drawsOfClass1.subList(7 * pass, 7 * pass + 7));
            assertEquals(7, distinct.size(), "pass " + pass + " over the 7 items of class 1");
        }
    }

    @Test
    void batchesPerEpochCoverEveryItemOnce() {
        BalancedBatchSampler sampler = new BalancedBatchSampler(unevenLabels(), 3, 10);
        assertEquals(8, sampler.batchesPerEpoch(77));
        assertEquals(7, sampler.batchesPerEpoch(70));
    }

    @Test
    void sameRandomSourceGivesTheSamePlan() {
        BalancedBatchSampler sampler = new BalancedBatchSampler(unevenLabels(), 3, 12);
        int[][] a = sampler.epoch(5, new SplittableRandom(9));
        int[][] b = sampler.epoch(5, new SplittableRandom(9));
        assertArrayEquals(a, b);
    }

    @Test
    void classWithoutImagesIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> new BalancedBatchSampler(new int[] {0, 0, 2}, 3, 4));
    }
}
