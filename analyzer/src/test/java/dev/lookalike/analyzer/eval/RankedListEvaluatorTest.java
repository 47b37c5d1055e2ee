package dev.lookalike.analyzer.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.lookalike.analyzer.AnalyzerInputException;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class RankedListEvaluatorTest {

    @Test
    void fullExactRankingsGiveTheSameFiguresAsTheVectorEvaluator() {
        Random random = new Random(5);
        int n = 200;
        float[][] v = new float[n][8];
        int[] labels = new int[n];
        for (int i = 0; i < n; i++) {
            labels[i] = random.nextInt(4);
            for (int d = 0; d < 8; d++) {
                v[i][d] = (float) random.nextGaussian() + (d == labels[i] ? 1.5f : 0f);
            }
        }
        float[][] unit = new float[n][];
        for (int i = 0; i < n; i++) {
            double norm = 0;
            for (float x : v[i]) {
                norm += x * x;
            }
            unit[i] = new float[8];
            for (int d = 0; d < 8; d++) {
                unit[i][d] = (float) (v[i][d] / Math.sqrt(norm));
            }
        }
        int[][] ranked = new int[n][];
        int[] relevant = new int[n];
        for (int q = 0; q < n; q++) {
            final int query = q;
            ranked[q] = IntStream.range(0, n).filter(g -> g != query).boxed()
                    .sorted(Comparator.<Integer>comparingDouble(g -> -dot(unit[query], unit[g])).thenComparing(g -> g))
                    .mapToInt(g -> labels[g]).toArray();
            relevant[q] = (int) IntStream.range(0, n).filter(g -> g != query && labels[g] == labels[query]).count();
        }
        EvaluationReport fromLists = new RankedListEvaluator(List.of(1, 2, 4, 8)).evaluate(ranked, labels, relevant);
        EvaluationReport fromVectors = new RetrievalEvaluator().evaluateLeaveOneOut(v, labels);
        assertEquals(fromVectors.recallAtK(), fromLists.recallAtK());
        assertEquals(fromVectors.mapAtR(), fromLists.mapAtR(), 1e-9);
        assertEquals(fromVectors.mrr(), fromLists.mrr(), 1e-9);
    }

    @Test
    void aRelevantItemMissingFromATruncatedListCountsAsNeverFound() {
        // Query label 1, R = 2: the list [0, 1] finds one relevant at rank 2, the other is beyond the list.
        EvaluationReport r = new RankedListEvaluator(List.of(1, 2)).evaluate(
                new int[][] {{0, 1}, {0, 0}}, new int[] {1, 1}, new int[] {2, 2});
        assertEquals(0.0, r.recallAtK().get(1));
        assertEquals(0.5, r.recallAtK().get(2));
        assertEquals((0.5 * 0.5 + 0.0) / 2, r.mapAtR(), 1e-12);
        assertEquals((0.5 + 0.0) / 2, r.mrr(), 1e-9);
    }

    @Test
    void mismatchedArraysAreRefused() {
        assertThrows(AnalyzerInputException.class, () -> new RankedListEvaluator(List.of(1))
                .evaluate(new int[][] {{0}}, new int[] {0, 1}, new int[] {1}));
    }

    private static double dot(float[] a, float[] b) {
        float s = 0;
        for (int i = 0; i < a.length; i++) {
            s += a[i] * b[i];
        }
        return s;
    }
}
