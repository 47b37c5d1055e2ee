package dev.lookalike.tools.bench.corpus;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lookalike.analyzer.model.VectorMath;
import dev.lookalike.search.index.IndexedItem;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.SplittableRandom;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class SyntheticCorpusTest {

    /** Three sources along the first axes, so that a noiseless copy shows which source it came from. */
    private static SourceEmbeddings axes(int dimension) {
        List<float[]> vectors = new ArrayList<>();
        for (int axis = 0; axis < 3; axis++) {
            float[] v = new float[dimension];
            v[axis] = 1;
            vectors.add(v);
        }
        return new SourceEmbeddings(vectors, List.of("x", "y", "z"), "axes");
    }

    private static SyntheticCorpus corpus(int size, double noise, long seed) {
        return SyntheticCorpus.generate(axes(8), size, noise, new SplittableRandom(seed), done -> { });
    }

    private static int[] counts(SyntheticCorpus corpus) {
        return IntStream.range(0, FilterSelectivity.values().length)
                .map(f -> corpus.matching(FilterSelectivity.values()[f]).length).toArray();
    }

    @Test
    void filtersKeepExactlyTheirShareRoundedToAnItem() {
        // 10 %, 1 %, 0.1 %, as FilterSelectivity orders them
        assertArrayEquals(new int[] {10_000, 1_000, 100}, counts(corpus(100_000, 0.3, 1)));
        assertArrayEquals(new int[] {200, 20, 2}, counts(corpus(2000, 0.3, 2)));
        assertArrayEquals(new int[] {123, 12, 1}, counts(corpus(1234, 0.3, 3)));
    }

    @Test
    void everyFilterMatchesAtLeastOneItemWhileItemsRemain() {
        assertArrayEquals(new int[] {10, 1, 1}, counts(corpus(100, 0.3, 1)));
        assertArrayEquals(new int[] {0, 1, 1}, counts(corpus(2, 0.3, 1)));
        assertArrayEquals(new int[] {0, 0, 1}, counts(corpus(1, 0.3, 1)));
    }

    @Test
    void filtersAreDisjointAndTheTagFieldSaysWhichKeepsAnItem() {
        SyntheticCorpus corpus = corpus(5000, 0.3, 4);
        int tagged = 0;
        for (FilterSelectivity filter : FilterSelectivity.values()) {
            for (int item : corpus.matching(filter)) {
                assertSame(filter, corpus.tag(item));
                assertEquals(Map.of(FilterSelectivity.FIELD, filter.value()), corpus.item(item).fields());
                tagged++;
            }
        }
        assertEquals(500 + 50 + 5, tagged);
        int untagged = IntStream.range(0, corpus.size()).filter(i -> corpus.tag(i) == null).findFirst().orElseThrow();
        assertEquals(Map.of(FilterSelectivity.FIELD, FilterSelectivity.OTHER), corpus.item(untagged).fields());
        assertNull(corpus.tag(untagged));
    }

    @Test
    void noiselessCopiesEqualTheirSourceAndKeepItsCategory() {
        SyntheticCorpus corpus = corpus(300, 0, 5);
        SourceEmbeddings sources = axes(8);
        for (int i = 0; i < corpus.size(); i++) {
            float[] v = corpus.vectors()[i];
            int axis = v[0] == 1 ? 0 : v[1] == 1 ? 1 : 2;
            assertEquals(1f, v[axis], 0f);
            assertEquals(sources.category(axis), corpus.category(i));
            IndexedItem item = corpus.item(i);
            assertEquals("item-" + i, item.id());
            assertEquals(i, corpus.indexOf(item.id()));
            assertEquals(corpus.category(i), item.category());
        }
    }

    @Test
    void noisyCopiesAreUnitVectorsAtTheExpectedCosineFromTheirSource() {
        Random random = new Random(6);
        float[] source = new float[64];
        for (int i = 0; i < source.length; i++) {
            source[i] = (float) random.nextGaussian();
        }
        VectorMath.normalize(source);
        SourceEmbeddings sources = new SourceEmbeddings(List.of(source), List.of("c"), "one");
        SplittableRandom noise = new SplittableRandom(7);
        double sum = 0;
        int n = 2000;
        for (int i = 0; i < n; i++) {
            float[] copy = sources.noisyCopy(0, 0.3, noise);
            assertEquals(1, VectorMath.dot(copy, copy), 1e-5);
            sum += VectorMath.dot(copy, source);
        }
        assertEquals(1 / Math.sqrt(1 + 0.3 * 0.3), sum / n, 0.01);
    }

    @Test
    void theSeedDecidesTheCorpus() {
        SyntheticCorpus a = corpus(1000, 0.3, 8);
        SyntheticCorpus b = corpus(1000, 0.3, 8);
        SyntheticCorpus c = corpus(1000, 0.3, 9);
        for (int i = 0; i < a.size(); i++) {
            assertArrayEquals(a.vectors()[i], b.vectors()[i]);
            assertSame(a.tag(i), b.tag(i));
        }
        assertArrayEquals(a.matching(FilterSelectivity.ONE_PERCENT), b.matching(FilterSelectivity.ONE_PERCENT));
        assertFalse(java.util.Arrays.equals(a.matching(FilterSelectivity.ONE_PERCENT),
                c.matching(FilterSelectivity.ONE_PERCENT)));
    }

    @Test
    void idsOfOtherCorporaAreRefused() {
        SyntheticCorpus corpus = corpus(10, 0.3, 1);
        for (String id : new String[] {"item-10", "item--1", "item-x", "sku-1", null}) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> corpus.indexOf(id));
            assertTrue(e.getMessage().contains(String.valueOf(id)), e.getMessage());
        }
    }
}
