package dev.lookalike.analyzer.eval;

import dev.lookalike.analyzer.AnalyzerInputException;

/**
 * Normalised mutual information of two partitions of the same items, with arithmetic normalisation as
 * scikit-learn's {@code normalized_mutual_info_score} does by default:
 * {@code NMI(Y, C) = I(Y; C) / ((H(Y) + H(C)) / 2)}, with natural logarithms. It is 1 for identical partitions
 * up to renaming of the parts, near 0 for independent ones, and symmetric in its arguments.
 *
 * <p>Degenerate cases follow scikit-learn: if both partitions put every item in one part (both entropies
 * are 0) the partitions are identical and NMI is 1; if only one of them does, the mutual information is 0
 * and so is NMI.
 *
 * <p>Cost: O(n log n) to number the parts, O(n + a·b) for the contingency table of a × b parts.
 */
public final class NormalizedMutualInformation {

    private NormalizedMutualInformation() {
    }

    /**
     * Computes NMI of two labellings of the same items.
     *
     * @param labels   the true class of each item (any int values)
     * @param clusters the cluster of each item (any int values), as many as labels
     * @return NMI in [0, 1] (up to rounding)
     * @throws AnalyzerInputException if either array is missing or empty, or their lengths differ
     */
    public static double between(int[] labels, int[] clusters) {
        if (labels == null || labels.length == 0) {
            throw new AnalyzerInputException("labels", "none given, expected at least one");
        }
        if (clusters == null || clusters.length != labels.length) {
            throw new AnalyzerInputException("clusters", (clusters == null ? "missing" : clusters.length
                    + " given") + ", expected one per label: " + labels.length);
        }
        LabelSet classes = LabelSet.of(labels);
        LabelSet parts = LabelSet.of(clusters);
        if (classes.size() == 1 && parts.size() == 1) {
            return 1.0;
        }
        int[] classIds = classes.denseIds(labels);
        int[] partIds = parts.denseIds(clusters);
        long[] table = new long[classes.size() * parts.size()];
        for (int i = 0; i < labels.length; i++) {
            table[classIds[i] * parts.size() + partIds[i]]++;
        }
        double n = labels.length;
        long[] classTotals = new long[classes.size()];
        long[] partTotals = new long[parts.size()];
        for (int a = 0; a < classes.size(); a++) {
            for (int b = 0; b < parts.size(); b++) {
                classTotals[a] += table[a * parts.size() + b];
                partTotals[b] += table[a * parts.size() + b];
            }
        }
        double mutualInformation = 0;
        for (int a = 0; a < classes.size(); a++) {
            for (int b = 0; b < parts.size(); b++) {
                long joint = table[a * parts.size() + b];
                if (joint > 0) {
                    mutualInformation += joint / n
                            * (Math.log(joint * n) - Math.log((double) classTotals[a] * partTotals[b]));
                }
            }
        }
        // Rounding can make the sum of an independent table slightly negative; scikit-learn clips it too.
        mutualInformation = Math.max(0, mutualInformation);
        if (mutualInformation == 0) {
            return 0.0;
        }
        return mutualInformation / ((entropy(classTotals, n) + entropy(partTotals, n)) / 2);
    }

    private static double entropy(long[] totals, double n) {
        double entropy = 0;
        for (long total : totals) {
            if (total > 0) {
                double p = total / n;
                entropy -= p * Math.log(p);
            }
        }
        return entropy;
    }
}
