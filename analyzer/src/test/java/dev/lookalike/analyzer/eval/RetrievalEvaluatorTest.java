package dev.lookalike.analyzer.eval;

import dev.lookalike.analyzer.AnalyzerInputException;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Random;
import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RetrievalEvaluatorTest {

    private static final double EPS = 1e-12;

    private static float[][] randomVectors(Random random, int count, int dimension) {
        float[][] vectors = new float[count][dimension];
        for (float[] vector : vectors) {
            for (int i = 0; i < dimension; i++) {
                vector[i] = (float) random.nextGaussian();
            }
        }
        return vectors;
    }

    private static int[] randomLabels(Random random, int count, int labelCount) {
        return IntStream.range(0, count).map(i -> random.nextInt(labelCount)).toArray();
    }

    private static void assertMatchesOracle(RetrievalOracle oracle, EvaluationReport report) {
        assertEquals(oracle.queryCount, report.queryCount(), "evaluated queries");
        assertEquals(oracle.skipped, report.queriesWithoutRelevant(), "skipped queries");
        oracle.recallAtK.forEach((k, recall) -> assertEquals(recall, report.recallAtK().get(k), EPS, "recall@" + k));
        assertEquals(oracle.mapAtR, report.mapAtR(), EPS, "map@r");
        assertEquals(oracle.mrr, report.mrr(), EPS, "mrr");
    }

    @Test
    void leaveOneOutMatchesBruteForceOracleOnRandomData() {
        for (long seed = 1; seed <= 4; seed++) {
            Random random = new Random(seed);
            // Low dimension and few labels so that rankings interleave labels and every metric is far from 0/1.
            float[][] vectors = randomVectors(random, 300, 4);
            int[] labels = randomLabels(random, 300, 5);
            int[] ks = {1, 2, 4, 8};
            EvaluationReport report = new RetrievalEvaluator().evaluateLeaveOneOut(vectors, labels);
            RetrievalOracle oracle = new RetrievalOracle(vectors, labels, vectors, labels,
                    IntStream.range(0, 300).toArray(), ks);
            assertMatchesOracle(oracle, report);
            assertTrue(report.mapAtR() > 0.05 && report.mapAtR() < 0.95, "data should not make the test trivial");
        }
    }

    @Test
    void figuresPerClassEqualTheQueriesOfThatClassEvaluatedAlone() {
        Random random = new Random(11);
        float[][] vectors = randomVectors(random, 240, 4);
        int[] labels = randomLabels(random, 240, 4);
        EvaluationReport all = new RetrievalEvaluator().evaluateLeaveOneOut(vectors, labels);
        assertEquals(List.of(0, 1, 2, 3), List.copyOf(all.byLabel().keySet()));
        double weightedMapAtR = 0;
        for (int label = 0; label < 4; label++) {
            int l = label;
            int[] mine = IntStream.range(0, 240).filter(i -> labels[i] == l).toArray();
            float[][] queries = IntStream.of(mine).mapToObj(i -> vectors[i]).toArray(float[][]::new);
            EvaluationReport alone = new RetrievalEvaluator().evaluate(queries, IntStream.of(mine).map(i -> l).toArray(),
                    vectors, labels, mine);
            ClassFigures figures = all.byLabel().get(label);
            assertEquals(mine.length, figures.queries());
            assertEquals(alone.recallAtK().get(1), figures.recallAt1(), EPS, "recall@1 of label " + label);
            assertEquals(alone.mapAtR(), figures.mapAtR(), EPS, "map@r of label " + label);
            weightedMapAtR += figures.mapAtR() * figures.queries();
        }
        assertEquals(all.mapAtR(), weightedMapAtR / 240, 1e-9, "the classes' figures make up the whole");
    }

    @Test
    void queriesAgainstSeparateGalleryWithSomeLeftOutMatchOracle() {
        Random random = new Random(7);
        float[][] queries = randomVectors(random, 120, 6);
        float[][] gallery = randomVectors(random, 250, 6);
        int[] queryLabels = randomLabels(random, 120, 6);
        int[] galleryLabels = randomLabels(random, 250, 5);
        int[] leftOut = IntStream.range(0, 120).map(i -> random.nextBoolean() ? -1 : random.nextInt(250)).toArray();
        int[] ks = {1, 3, 10, 400};
        EvaluationReport report = new RetrievalEvaluator(List.of(1, 3, 10, 400))
                .evaluate(queries, queryLabels, gallery, galleryLabels, leftOut);
        RetrievalOracle oracle = new RetrievalOracle(queries, queryLabels, gallery, galleryLabels, leftOut, ks);
        assertMatchesOracle(oracle, report);
        assertTrue(report.queriesWithoutRelevant() > 0, "label 5 has no gallery items, so some queries are skipped");
        assertEquals(List.of(1, 3, 10, 400), List.copyOf(report.recallAtK().keySet()));
        assertEquals(1.0, report.recallAtK().get(400), EPS, "K beyond the gallery finds every relevant item");
    }

    /** Query along x; gallery items at increasing angles, so the ranking is the gallery order. */
    private static EvaluationReport rankInGalleryOrder(int... galleryLabels) {
        float[][] gallery = new float[galleryLabels.length][];
        for (int i = 0; i < gallery.length; i++) {
            double angle = Math.toRadians(10 * i);
            gallery[i] = new float[] {(float) Math.cos(angle), (float) Math.sin(angle)};
        }
        return new RetrievalEvaluator().evaluate(new float[][] {{1, 0}}, new int[] {7}, gallery, galleryLabels,
                new int[] {-1});
    }

    @Test
    void mapAtRCountsOnlyTheFirstRItems() {
        // [rel, not, rel] with R = 2: only the top 2 count, so (1/2)(1/1 + 0) = 1/2.
        assertEquals(0.5, rankInGalleryOrder(7, 0, 7).mapAtR(), EPS);
        // [rel, not, rel, rel, not] with R = 3: (1/3)(1/1 + 0 + 2/3).
        assertEquals((1 + 2.0 / 3) / 3, rankInGalleryOrder(7, 0, 7, 7, 0).mapAtR(), EPS);
    }

    @Test
    void recallAndMrrFollowTheFirstRelevantRank() {
        EvaluationReport report = rankInGalleryOrder(0, 1, 7, 7, 2, 3, 4, 5, 6);
        assertEquals(1.0 / 3, report.mrr(), EPS);
        assertEquals(0.0, report.recallAtK().get(1));
        assertEquals(0.0, report.recallAtK().get(2));
        assertEquals(1.0, report.recallAtK().get(4));
        assertEquals(1.0, report.recallAtK().get(8));
        assertEquals((0 + 0.0) / 2, report.mapAtR(), EPS, "nothing relevant within the top R = 2");
    }

    @Test
    void firstRelevantBeyondTheTopRStillGetsItsRank() {
        // R = 1 and the one relevant item is 6th: MRR must count the five ranked above it.
        EvaluationReport report = rankInGalleryOrder(0, 1, 2, 3, 4, 7, 5);
        assertEquals(1.0 / 6, report.mrr(), EPS);
        assertEquals(0.0, report.recallAtK().get(4));
        assertEquals(1.0, report.recallAtK().get(8));
        assertEquals(0.0, report.mapAtR(), EPS);
    }

    private static final float[][] FOUR_POINTS = {{1, 0}, {0.99f, 0.14f}, {0, 1}, {0.14f, 0.99f}};

    @Test
    void leaveOneOutDoesNotLetTheQueryFindItself() {
        // Every point's nearest other point has the other label; were the query itself ranked, recall@1 would be 1.
        EvaluationReport report = new RetrievalEvaluator().evaluateLeaveOneOut(FOUR_POINTS, new int[] {0, 1, 0, 1});
        assertEquals(0.0, report.recallAtK().get(1));
        assertEquals((1.0 / 3 + 1.0 / 2 + 1.0 / 3 + 1.0 / 2) / 4, report.mrr(), EPS);
        assertEquals(0.0, report.mapAtR(), EPS);
        assertEquals(4, report.queryCount());
    }

    @Test
    void leaveOneOutCountsAnExactDuplicateOfTheQuery() {
        float[][] withDuplicate = {FOUR_POINTS[0], FOUR_POINTS[1], FOUR_POINTS[2], FOUR_POINTS[3], {1, 0}};
        EvaluationReport report = new RetrievalEvaluator()
                .evaluateLeaveOneOut(withDuplicate, new int[] {0, 1, 0, 1, 0});
        // Points 0 and 4 find each other first; points 1, 2, 3 are as before (ranks 3, 3, 2).
        assertEquals(2.0 / 5, report.recallAtK().get(1), EPS);
        assertEquals((1 + 1 + 1.0 / 3 + 1.0 / 3 + 1.0 / 2) / 5, report.mrr(), EPS);
        assertEquals((0.5 + 0 + 0 + 0 + 0.5) / 5, report.mapAtR(), EPS);
    }

    @Test
    void tiedSimilaritiesRankLowerGalleryIndexFirst() {
        float[][] twins = {{1, 0}, {2, 0}};
        EvaluationReport relevantSecond = new RetrievalEvaluator()
                .evaluate(new float[][] {{1, 0}}, new int[] {1}, twins, new int[] {0, 1}, new int[] {-1});
        EvaluationReport relevantFirst = new RetrievalEvaluator()
                .evaluate(new float[][] {{1, 0}}, new int[] {1}, twins, new int[] {1, 0}, new int[] {-1});
        assertEquals(0.5, relevantSecond.mrr(), EPS);
        assertEquals(1.0, relevantFirst.mrr(), EPS);
    }

    @Test
    void zeroVectorHasSimilarityZeroRatherThanNaN() {
        float[][] gallery = {{-1, 0}, {0, 0}};
        EvaluationReport report = new RetrievalEvaluator()
                .evaluate(new float[][] {{1, 0}}, new int[] {3}, gallery, new int[] {0, 3}, new int[] {-1});
        assertEquals(1.0, report.mrr(), EPS, "similarity 0 ranks above similarity -1");
        EvaluationReport zeroQuery = new RetrievalEvaluator()
                .evaluate(new float[][] {{0, 0}}, new int[] {3}, gallery, new int[] {3, 0}, new int[] {-1});
        assertEquals(1.0, zeroQuery.mrr(), EPS, "all similarities 0: ties go to the lower index");
        assertFalse(Double.isNaN(zeroQuery.mapAtR()));
    }

    @Test
    void queriesWithoutRelevantItemsAreSkippedAndCounted() {
        float[][] vectors = {{1, 0}, {0.9f, 0.1f}, {0, 1}};
        EvaluationReport report = new RetrievalEvaluator().evaluateLeaveOneOut(vectors, new int[] {0, 0, 1});
        assertEquals(2, report.queryCount());
        assertEquals(1, report.queriesWithoutRelevant());
        assertEquals(1.0, report.mapAtR(), EPS, "the skipped query must not drag the mean down");
        assertTrue(Double.isNaN(report.nmi()));
    }

    @Test
    void badArgumentsAreRejectedNamingTheInput() {
        RetrievalEvaluator evaluator = new RetrievalEvaluator();
        float[][] two = {{1, 0}, {0, 1}};
        AnalyzerInputException lengths = assertThrows(AnalyzerInputException.class,
                () -> evaluator.evaluateLeaveOneOut(two, new int[] {0}));
        assertTrue(lengths.getMessage().startsWith("labels: "), lengths.getMessage());
        assertThrows(AnalyzerInputException.class, () -> evaluator.evaluateLeaveOneOut(new float[0][], new int[0]));
        AnalyzerInputException ragged = assertThrows(AnalyzerInputException.class,
                () -> evaluator.evaluateLeaveOneOut(new float[][] {{1, 0}, {1}}, new int[] {0, 0}));
        assertEquals("vector #1", ragged.input());
        assertThrows(AnalyzerInputException.class,
                () -> evaluator.evaluateLeaveOneOut(new float[][] {{1, Float.NaN}, {1, 0}}, new int[] {0, 0}));
        assertThrows(AnalyzerInputException.class,
                () -> evaluator.evaluate(two, new int[] {0, 0}, new float[][] {{1, 0, 0}}, new int[] {0}, new int[] {-1, -1}));
        assertThrows(AnalyzerInputException.class,
                () -> evaluator.evaluate(two, new int[] {0, 0}, two, new int[] {0, 0}, new int[] {-1, 2}));
        assertThrows(AnalyzerInputException.class,
                () -> evaluator.evaluateLeaveOneOut(two, new int[] {0, 1}), "no query has anything to find");
        assertThrows(AnalyzerInputException.class, () -> new RetrievalEvaluator(List.of(0)));
        assertThrows(AnalyzerInputException.class, () -> new RetrievalEvaluator(List.of(2, 2)));
        assertThrows(AnalyzerInputException.class, () -> new RetrievalEvaluator(List.of()));
    }
}
