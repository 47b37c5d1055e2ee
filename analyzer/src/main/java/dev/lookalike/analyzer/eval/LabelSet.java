package dev.lookalike.analyzer.eval;

import java.util.Arrays;

/**
 * The distinct values of a labelling, with how often each occurs, and a dense numbering {@code 0..size-1} of
 * them in increasing order. Labels may be any ints (negative, sparse); lookups are binary searches, so no
 * per-element boxing is needed.
 */
final class LabelSet {

    private final int[] distinct;
    private final int[] counts;

    private LabelSet(int[] distinct, int[] counts) {
        this.distinct = distinct;
        this.counts = counts;
    }

    /** Builds the set from a labelling; costs a sort of a copy, O(n log n). */
    static LabelSet of(int[] labels) {
        int[] sorted = labels.clone();
        Arrays.sort(sorted);
        int size = 0;
        for (int i = 0; i < sorted.length; i++) {
            if (i == 0 || sorted[i] != sorted[i - 1]) {
                size++;
            }
        }
        int[] distinct = new int[size];
        int[] counts = new int[size];
        int next = -1;
        for (int i = 0; i < sorted.length; i++) {
            if (i == 0 || sorted[i] != sorted[i - 1]) {
                distinct[++next] = sorted[i];
            }
            counts[next]++;
        }
        return new LabelSet(distinct, counts);
    }

    /** @return the number of distinct labels */
    int size() {
        return distinct.length;
    }

    /** @return the dense number of {@code label}, or {@code -1} if it does not occur */
    int indexOf(int label) {
        int index = Arrays.binarySearch(distinct, label);
        return index >= 0 ? index : -1;
    }

    /** @return how many times {@code label} occurs, {@code 0} if never */
    int count(int label) {
        int index = indexOf(label);
        return index >= 0 ? counts[index] : 0;
    }

    /** @return the labelling rewritten with dense numbers, a new array */
    int[] denseIds(int[] labels) {
        int[] ids = new int[labels.length];
        for (int i = 0; i < labels.length; i++) {
            ids[i] = indexOf(labels[i]);
        }
        return ids;
    }
}
