package dev.lookalike.analyzer.eval;

import dev.lookalike.analyzer.AnalyzerInputException;
import org.junit.jupiter.api.Test;

import java.util.Random;
import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class NormalizedMutualInformationTest {

    @Test
    void relabelledPartitionScoresOne() {
        int[] labels = {0, 0, 1, 1, 1, 2, 2, 3};
        int[] clusters = {-5, -5, 40, 40, 40, 7, 7, 0};
        assertEquals(1.0, NormalizedMutualInformation.between(labels, clusters), 1e-12);
    }

    @Test
    void smallContingencyTableMatchesHandComputation() {
        int[] labels = {0, 0, 1, 1};
        int[] clusters = {0, 0, 0, 1};
        // Table [[2, 0], [1, 1]], n = 4; row totals (2, 2), column totals (3, 1).
        double mutualInformation = 0.5 * Math.log(4.0 / 3) + 0.25 * Math.log(2.0 / 3) + 0.25 * Math.log(2);
        double labelEntropy = Math.log(2);
        double clusterEntropy = -(0.75 * Math.log(0.75) + 0.25 * Math.log(0.25));
        double expected = mutualInformation / ((labelEntropy + clusterEntropy) / 2);
        assertEquals(0.3437110184854508, expected, 1e-15, "the hand computation itself");
        assertEquals(expected, NormalizedMutualInformation.between(labels, clusters), 1e-12);
        assertEquals(expected, NormalizedMutualInformation.between(clusters, labels), 1e-12, "symmetric");
    }

    @Test
    void independentRandomLabellingsScoreNearZero() {
        Random random = new Random(2);
        int[] labels = IntStream.range(0, 100_000).map(i -> random.nextInt(10)).toArray();
        int[] clusters = IntStream.range(0, 100_000).map(i -> random.nextInt(10)).toArray();
        double nmi = NormalizedMutualInformation.between(labels, clusters);
        assertTrue(nmi >= 0 && nmi < 1e-3, String.valueOf(nmi));
    }

    @Test
    void singlePartDegenerateCasesFollowScikitLearn() {
        assertEquals(1.0, NormalizedMutualInformation.between(new int[] {3, 3, 3}, new int[] {1, 1, 1}));
        assertEquals(0.0, NormalizedMutualInformation.between(new int[] {3, 3, 3}, new int[] {1, 2, 1}));
        assertEquals(0.0, NormalizedMutualInformation.between(new int[] {0, 1, 2}, new int[] {5, 5, 5}));
    }

    @Test
    void badArgumentsAreRejected() {
        assertThrows(AnalyzerInputException.class, () -> NormalizedMutualInformation.between(new int[0], new int[0]));
        assertThrows(AnalyzerInputException.class, () -> NormalizedMutualInformation.between(new int[] {1, 2},
                new int[] {1}));
    }
}
