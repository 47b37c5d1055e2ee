package dev.lookalike.analyzer.eval;

import java.util.Arrays;

/**
 * Rankings as arrays of packed {@code long} keys: the similarity in the high 32 bits, the gallery index in the
 * low 32, arranged so that ascending key order is descending similarity with ties broken by ascending index.
 * Sorting or selecting primitive longs avoids boxing and comparators in the innermost loop of an evaluation.
 */
final class RankingKeys {

    private RankingKeys() {
    }

    /**
     * Packs a similarity and a gallery index. The float's bits are made to sort like the float (negative
     * values flipped) and then inverted, so that a higher similarity gives a smaller key. Adding {@code 0f}
     * turns {@code -0f} into {@code 0f}, so the two zeros count as a tie, as they compare in arithmetic.
     */
    static long key(float similarity, int index) {
        int bits = Float.floatToIntBits(similarity + 0f);
        int ordered = bits ^ ((bits >> 31) & 0x7fffffff);
        return ((long) ~ordered << 32) | (index & 0xffffffffL);
    }

    /** @return the gallery index packed in {@code key} */
    static int index(long key) {
        return (int) key;
    }

    /**
     * Rearranges {@code keys[0..length)} so that its {@code count} smallest keys come first, in ascending
     * order. Costs O(length) on average for the selection (quickselect with a median-of-three pivot, falling
     * back to a full sort of the remaining range if partitioning goes badly) plus O(count log count) to sort
     * the selected keys. Keys must be distinct, as packed keys are.
     */
    static void selectSmallestSorted(long[] keys, int length, int count) {
        if (count <= 0) {
            return;
        }
        if (count < length) {
            select(keys, 0, length - 1, count - 1);
        }
        Arrays.sort(keys, 0, Math.min(count, length));
    }

    /** Puts the key of rank {@code target} at {@code target}, smaller keys before it, larger after. */
    private static void select(long[] keys, int low, int high, int target) {
        int budget = 2 * (32 - Integer.numberOfLeadingZeros(high - low + 1)) + 8;
        while (high > low) {
            if (budget-- == 0) {
                Arrays.sort(keys, low, high + 1);
                return;
            }
            long pivot = medianOfThree(keys[low], keys[(low + high) >>> 1], keys[high]);
            int i = low;
            int j = high;
            while (i <= j) {
                while (keys[i] < pivot) {
                    i++;
                }
                while (keys[j] > pivot) {
                    j--;
                }
                if (i <= j) {
                    long swap = keys[i];
                    keys[i] = keys[j];
                    keys[j] = swap;
                    i++;
                    j--;
                }
            }
            if (target <= j) {
                high = j;
            } else if (target >= i) {
                low = i;
            } else {
                return;
            }
        }
    }

    private static long medianOfThree(long a, long b, long c) {
        return Math.max(Math.min(a, b), Math.min(Math.max(a, b), c));
    }
}
