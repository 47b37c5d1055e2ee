package dev.lookalike.tools.bench.corpus;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import dev.lookalike.analyzer.model.VectorMath;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.SplittableRandom;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class ExactNeighboursTest {

    private static SyntheticCorpus corpus() {
        Random random = new Random(11);
        List<float[]> sources = new ArrayList<>();
        List<String> categories = new ArrayList<>();
        for (int s = 0; s < 50; s++) {
            float[] v = new float[8];
            for (int i = 0; i < v.length; i++) {
                v[i] = (float) random.nextGaussian();
            }
            sources.add(VectorMath.normalize(v));
            categories.add("c" + s % 3);
        }
        return SyntheticCorpus.generate(new SourceEmbeddings(sources, categories, "random"), 3000, 0.3,
                new SplittableRandom(12), done -> { });
    }

    /** The definition: sort the items that pass by descending dot product, then by index. */
    private static int[] sorted(SyntheticCorpus corpus, float[] query, FilterSelectivity filter, int k) {
        return IntStream.range(0, corpus.size()).filter(i -> filter == null || corpus.tag(i) == filter).boxed()
                .sorted((a, b) -> Float.compare(VectorMath.dot(query, corpus.vectors()[b]),
                        VectorMath.dot(query, corpus.vectors()[a])))
                .limit(k).mapToInt(Integer::intValue).toArray();
    }

    @Test
    void nearestEqualsSortingTheItemsTheFilterKeeps() {
        SyntheticCorpus corpus = corpus();
        ExactNeighbours exact = new ExactNeighbours(corpus);
        float[] query = corpus.vectors()[17].clone();
        query[0] += 0.1f;
        VectorMath.normalize(query);
        assertArrayEquals(sorted(corpus, query, null, 10), exact.nearest(query, null, 10));
        for (FilterSelectivity filter : FilterSelectivity.values()) {
            int[] nearest = exact.nearest(query, filter, 10);
            assertArrayEquals(sorted(corpus, query, filter, 10), nearest, filter.percent());
            assertEquals(Math.min(10, corpus.matching(filter).length), nearest.length);
            for (int item : nearest) {
                assertSame(filter, corpus.tag(item));
            }
        }
    }

    @Test
    void recallIsTheShareOfTheExactItemsFound() {
        assertEquals(0.5, ExactNeighbours.recall(new int[] {1, 2, 3}, new int[] {3, 4}), 0);
        assertEquals(1, ExactNeighbours.recall(new int[] {4, 3}, new int[] {3, 4}), 0);
        assertEquals(0, ExactNeighbours.recall(new int[0], new int[] {3}), 0);
        assertEquals(1, ExactNeighbours.recall(new int[0], new int[0]), 0);
    }
}
