package dev.lookalike.search.proxy;

import dev.lookalike.analyzer.model.Proxies;
import dev.lookalike.search.testing.Oracle;
import dev.lookalike.search.testing.TestItems;
import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.tests.util.LuceneTestCase;
import org.junit.Test;

public class ProxyAssignmentTest extends LuceneTestCase {

    private static final int DIM = 6;

    @Test
    public void distributionIsTheSoftmaxOfNegativeSquaredDistancesOverTemperature() {
        List<float[]> model = new ArrayList<>();
        for (int c = 0; c < 5; c++) {
            model.add(TestItems.unitVector(random(), DIM));
        }
        CategoryProxyBuilder builder = new CategoryProxyBuilder(
                new Proxies(List.of("a", "b", "c", "d", "e"), model.toArray(new float[0][])), 0.25f);
        for (String c : List.of("e", "a", "c", "b", "d")) {
            builder.add(c, TestItems.unitVector(random(), DIM));
        }
        IndexProxies proxies = builder.build(3);
        assertEquals(List.of("a", "b", "c", "d", "e"), proxies.categories());
        for (int round = 0; round < 20; round++) {
            float[] x = TestItems.unitVector(random(), DIM);
            float t = 0.05f + random().nextFloat();
            ProxyAssignment assignment = ProxyAssignment.of(proxies, x, t);
            double[] expected = Oracle.softmax(model, x, t);
            int best = 0;
            for (int c = 0; c < expected.length; c++) {
                assertEquals(expected[c], assignment.distribution()[c], 1e-5);
                best = expected[c] > expected[best] ? c : best;
            }
            assertEquals(proxies.categories().get(best), assignment.category());
            assertEquals(3, assignment.generation());
        }
    }

    @Test
    public void storedDistributionRoundTripsWithItsGeneration() {
        float[] p = new float[1 + random().nextInt(60)];
        for (int i = 0; i < p.length; i++) {
            p[i] = random().nextFloat();
        }
        long generation = random().nextLong();
        var bytes = StoredDistribution.encode(generation, p);
        assertEquals(generation, StoredDistribution.generation(bytes));
        assertArrayEquals(p, StoredDistribution.distribution(bytes), 0f);
    }

    @Test
    public void bhattacharyyaIsOneForEqualZeroForDisjointAndMatchesTheSum() {
        float[] uniform = {0.25f, 0.25f, 0.25f, 0.25f};
        assertEquals(1.0, DistributionAgreement.bhattacharyya(uniform, uniform), 1e-6);
        assertEquals(0.0, DistributionAgreement.bhattacharyya(new float[] {1, 0}, new float[] {0, 1}), 0);
        float[] p = {0.7f, 0.2f, 0.1f};
        float[] q = {0.1f, 0.3f, 0.6f};
        double expected = Math.sqrt(0.07) + Math.sqrt(0.06) + Math.sqrt(0.06);
        assertEquals(expected, DistributionAgreement.bhattacharyya(p, q), 1e-6);
        assertEquals(DistributionAgreement.bhattacharyya(q, p), DistributionAgreement.bhattacharyya(p, q), 0);
    }

    @Test
    public void unseenCategoryProxyIsTheNormalisedMeanWhateverTheOrder() {
        List<float[]> vectors = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            vectors.add(TestItems.unitVector(random(), DIM));
        }
        CategoryProxyBuilder forward = new CategoryProxyBuilder(new Proxies(List.of(), new float[0][]), 1f);
        CategoryProxyBuilder backward = new CategoryProxyBuilder(new Proxies(List.of(), new float[0][]), 1f);
        for (int i = 0; i < vectors.size(); i++) {
            forward.add("new", vectors.get(i));
            backward.add("new", vectors.get(vectors.size() - 1 - i));
            forward.add(null, vectors.get(i));
        }
        IndexProxies a = forward.build(1);
        assertArrayEquals(Oracle.normalisedMean(vectors), a.proxy("new").vector(), 1e-6f);
        assertEquals(10, a.proxy("new").items());
        assertTrue(a.sameAs(backward.build(2), 1e-6));
    }
}
