package dev.lookalike.analyzer.eval;

import dev.lookalike.analyzer.AnalyzerInputException;
import org.junit.jupiter.api.Test;

import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class EmbeddingEvaluationTest {

    @Test
    void separatedClassesScorePerfectlyOnEveryMetric() {
        // Classes along different axes, with small noise: cosine neighbours and k-means clusters are the classes.
        Random random = new Random(17);
        float[][] axes = new float[4][8];
        for (int c = 0; c < 4; c++) {
            axes[c][c] = 20;
        }
        int[] labels = new int[400];
        float[][] vectors = KMeansTest.blobs(random, axes, 100, labels);
        EvaluationReport report = new EmbeddingEvaluation().evaluate(vectors, labels);
        report.recallAtK().values().forEach(recall -> assertEquals(1.0, recall));
        assertEquals(1.0, report.mapAtR(), 1e-12);
        assertEquals(1.0, report.mrr(), 1e-12);
        assertEquals(1.0, report.nmi(), 1e-12);
        assertEquals(400, report.queryCount());
    }

    @Test
    void retrievalPartEqualsLeaveOneOutAndNmiIsRepeatable() {
        Random random = new Random(4);
        int[] labels = new int[300];
        float[][] vectors = KMeansTest.blobs(random, new float[][] {{1, 0, 0}, {0, 1, 0}, {0, 0, 1}}, 100, labels);
        EvaluationReport report = new EmbeddingEvaluation().evaluate(vectors, labels);
        EvaluationReport retrieval = new RetrievalEvaluator().evaluateLeaveOneOut(vectors, labels);
        assertEquals(retrieval.recallAtK(), report.recallAtK());
        assertEquals(retrieval.mapAtR(), report.mapAtR());
        assertEquals(retrieval.mrr(), report.mrr());
        assertTrue(report.nmi() > 0 && report.nmi() < 1, "overlapping classes: " + report.nmi());
        assertEquals(report.nmi(), new EmbeddingEvaluation().evaluate(vectors, labels).nmi());
    }

    @Test
    void mismatchedLabelsAreRejected() {
        assertThrows(AnalyzerInputException.class,
                () -> new EmbeddingEvaluation().evaluate(new float[][] {{1, 0}, {0, 1}}, new int[] {0}));
    }
}
