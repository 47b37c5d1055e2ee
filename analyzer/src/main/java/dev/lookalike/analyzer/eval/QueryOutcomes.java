package dev.lookalike.analyzer.eval;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What each evaluated query scored: the rank of its first relevant gallery item and its average precision at
 * R. Workers write disjoint slots; the means are then taken in slot order, so the floating-point sums, and
 * therefore the report, do not depend on how the work was scheduled.
 */
final class QueryOutcomes {

    private final int[] firstRelevantRanks;
    private final double[] averagePrecisionsAtR;

    /** @param size the number of queries to be recorded */
    QueryOutcomes(int size) {
        this.firstRelevantRanks = new int[size];
        this.averagePrecisionsAtR = new double[size];
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
