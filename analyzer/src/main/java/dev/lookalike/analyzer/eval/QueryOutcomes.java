package dev.lookalike.analyzer.eval;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * What each evaluated query scored: the rank of its first relevant gallery item and its average precision at
 * R. Workers write disjoint slots; the means are then taken in slot order, so the floating-point sums, and
 * therefore the report, do not depend on how the work was scheduled.
 */
final class QueryOutcomes {

    private final int[] labels;
    private final int[] firstRelevantRanks;
    private final double[] averagePrecisionsAtR;

    /** @param labels the label of the query to be recorded at each slot */
    QueryOutcomes(int[] labels) {
        this.labels = labels.clone();
        this.firstRelevantRanks = new int[labels.length];
        this.averagePrecisionsAtR = new double[labels.length];
    }

    /** @return for each label of the queries, in ascending order, its queries' Recall@1 and MAP@R */
    Map<Integer, ClassFigures> byLabel() {
        Map<Integer, int[]> hitsAndCounts = new TreeMap<>();
        Map<Integer, Double> precisionSums = new TreeMap<>();
        for (int slot = 0; slot < labels.length; slot++) {
            int[] hc = hitsAndCounts.computeIfAbsent(labels[slot], l -> new int[2]);
            hc[0] += firstRelevantRanks[slot] == 1 ? 1 : 0;
            hc[1]++;
            precisionSums.merge(labels[slot], averagePrecisionsAtR[slot], Double::sum);
        }
        Map<Integer, ClassFigures> out = new LinkedHashMap<>();
        hitsAndCounts.forEach((label, hc) -> out.put(label,
                new ClassFigures(hc[1], (double) hc[0] / hc[1], precisionSums.get(label) / hc[1])));
        return out;
    }

    /** Records one query's outcome at {@code slot}. */
    void record(int slot, int firstRelevantRank, double averagePrecisionAtR) {
        firstRelevantRanks[slot] = firstRelevantRank;
        averagePrecisionsAtR[slot] = averagePrecisionAtR;
    }

    /** @return for each K in order, the fraction of queries whose first relevant item is ranked K or better */
    Map<Integer, Double> recallAtK(int[] ks) {
        Map<Integer, Double> recall = new LinkedHashMap<>();
        for (int k : ks) {
            int hits = 0;
            for (int rank : firstRelevantRanks) {
                if (rank <= k) {
                    hits++;
                }
            }
            recall.put(k, (double) hits / firstRelevantRanks.length);
        }
        return recall;
    }

    /** @return the mean of the average precisions at R */
    double meanAveragePrecisionAtR() {
        double sum = 0;
        for (double ap : averagePrecisionsAtR) {
            sum += ap;
        }
        return sum / averagePrecisionsAtR.length;
    }

    /** @return the mean over queries of 1 / rank of the first relevant item */
    double meanReciprocalRank() {
        double sum = 0;
        for (int rank : firstRelevantRanks) {
            sum += 1.0 / rank;
        }
        return sum / firstRelevantRanks.length;
    }
}
