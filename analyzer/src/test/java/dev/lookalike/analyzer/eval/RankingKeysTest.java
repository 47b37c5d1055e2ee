package dev.lookalike.analyzer.eval;

import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RankingKeysTest {

    @Test
    void keysSortByDescendingSimilarityThenAscendingIndex() {
        float[] similarities = {-1f, -0.5f, -0f, 0f, 1e-30f, 0.5f, 1f};
        for (int i = 0; i + 1 < similarities.length; i++) {
            long lower = RankingKeys.key(similarities[i], 0);
            long higher = RankingKeys.key(similarities[i + 1], 5);
            boolean tie = similarities[i] == similarities[i + 1];
            assertTrue(tie ? lower < higher : higher < lower, similarities[i] + " vs " + similarities[i + 1]);
        }
        assertTrue(RankingKeys.key(0.25f, 3) < RankingKeys.key(0.25f, 4));
        assertEquals(123456, RankingKeys.index(RankingKeys.key(-0.75f, 123456)));
    }

    @Test
    void selectionGivesTheSameSmallestKeysAsAFullSort() {
        Random random = new Random(3);
        for (int trial = 0; trial < 200; trial++) {
            int length = 1 + random.nextInt(500);
            long[] keys = new long[length];
            for (int i = 0; i < length; i++) {
                keys[i] = RankingKeys.key(random.nextInt(20) / 10f - 1, i);
            }
            long[] sorted = keys.clone();
            Arrays.sort(sorted);
            int count = 1 + random.nextInt(length);
            RankingKeys.selectSmallestSorted(keys, length, count);
            assertArrayEquals(Arrays.copyOf(sorted, count), Arrays.copyOf(keys, count));
        }
    }
}
