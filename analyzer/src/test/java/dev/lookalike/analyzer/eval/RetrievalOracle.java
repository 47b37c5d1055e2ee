package dev.lookalike.analyzer.eval;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Retrieval metrics by their textbook definitions, written plainly for tests: every query ranks the whole
 * gallery with a comparator. It shares only the cosine similarity with the code under test (so that rounding
 * cannot reorder near-ties differently); ranking, selection, leave-out and the metrics are independent.
 */
final class RetrievalOracle {

    final Map<Integer, Double> recallAtK = new TreeMap<>();
    final double mapAtR;
    final double mrr;
    final int queryCount;
    final int skipped;

    RetrievalOracle(float[][] queries, int[] queryLabels, float[][] gallery, int[] galleryLabels, int[] leftOut,
                    int[] ks) {
        UnitVectors q = UnitVectors.of(queries, "q");
        UnitVectors g = UnitVectors.of(gallery, "g");
        int[] hits = new int[ks.length];
        double apSum = 0;
        double rrSum = 0;
        int evaluated = 0;
        int skippedQueries = 0;
        for (int query = 0; query < queries.length; query++) {
            List<Integer> ranking = new ArrayList<>();
            for (int item = 0; item < gallery.length; item++) {
                if (item != leftOut[query]) {
                    ranking.add(item);
                }
            }
            int current = query;
            ranking.sort((a, b) -> {
                float sa = q.cosine(current, g, a);
                float sb = q.cosine(current, g, b);
                if (sa != sb) {
                    return sa > sb ? -1 : 1;
                }
                return Integer.compare(a, b);
            });
            int label = queryLabels[query];
            long r = ranking.stream().filter(item -> galleryLabels[item] == label).count();
            if (r == 0) {
                skippedQueries++;
                continue;
            }
            evaluated++;
            int firstRank = 0;
            for (int i = 0; i < ranking.size() && firstRank == 0; i++) {
                if (galleryLabels[ranking.get(i)] == label) {
                    firstRank = i + 1;
                }
            }
            for (int k = 0; k < ks.length; k++) {
                boolean hit = false;
                for (int i = 0; i < Math.min(ks[k], ranking.size()); i++) {
                    hit |= galleryLabels[ranking.get(i)] == label;
                }
                hits[k] += hit ? 1 : 0;
            }
            rrSum += 1.0 / firstRank;
            double sum = 0;
            for (int i = 1; i <= r; i++) {
                if (galleryLabels[ranking.get(i - 1)] == label) {
                    int relevantInTopI = 0;
                    for (int j = 0; j < i; j++) {
                        relevantInTopI += galleryLabels[ranking.get(j)] == label ? 1 : 0;
                    }
                    sum += (double) relevantInTopI / i;
                }
            }
            apSum += sum / r;
        }
        for (int k = 0; k < ks.length; k++) {
            recallAtK.put(ks[k], (double) hits[k] / evaluated);
        }
        this.mapAtR = apSum / evaluated;
        this.mrr = rrSum / evaluated;
        this.queryCount = evaluated;
        this.skipped = skippedQueries;
    }
}
