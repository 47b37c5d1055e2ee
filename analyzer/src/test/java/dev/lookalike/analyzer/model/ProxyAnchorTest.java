package dev.lookalike.analyzer.model;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ProxyAnchorTest {

    private static final float T = 0.1f;

    private static Proxies proxies() {
        return TinyBundles.randomProxies(16, 3);
    }

    /** A unit vector near a proxy: the proxy plus noise of the given size. */
    private static float[] near(float[] proxy, double noise, Random random) {
        float[] v = proxy.clone();
        for (int i = 0; i < v.length; i++) {
            v[i] += (float) (noise * random.nextGaussian());
        }
        return VectorMath.normalize(v);
    }

    private static double cosine(float[] a, float[] b) {
        return VectorMath.dot(a, b);
    }

    @Test
    void weightZeroLeavesTheEmbeddingAlone() {
        float[] e = near(proxies().vectors()[0], 0.5, new Random(1));
        assertSame(e, new ProxyAnchor(proxies(), T, 0f).apply(e));
    }

    @Test
    void anchoredEmbeddingIsTheNormalisedMixOfEmbeddingAndExpectedProxy() {
        Proxies proxies = proxies();
        float[] e = near(proxies.vectors()[1], 0.4, new Random(2));
        float w = 0.5f;
        // The oracle: softmax of negative squared distances over the temperature, in double.
        float[][] p = proxies.vectors();
        double[] logits = new double[p.length];
        double sum = 0;
        for (int c = 0; c < p.length; c++) {
            double d2 = 0;
            for (int i = 0; i < e.length; i++) {
                d2 += (e[i] - p[c][i]) * (double) (e[i] - p[c][i]);
            }
            logits[c] = Math.exp(-d2 / T);
            sum += logits[c];
        }
        double[] mix = new double[e.length];
        double norm = 0;
        for (int i = 0; i < e.length; i++) {
            mix[i] = (1 - w) * e[i];
            for (int c = 0; c < p.length; c++) {
                mix[i] += w * logits[c] / sum * p[c][i];
            }
            norm += mix[i] * mix[i];
        }
        float[] expected = new float[e.length];
        for (int i = 0; i < e.length; i++) {
            expected[i] = (float) (mix[i] / Math.sqrt(norm));
        }
        assertArrayEquals(expected, new ProxyAnchor(proxies, T, w).apply(e), 1e-5f);
    }

    @Test
    void anchoringTightensClassesMoreThanItJoinsThem() {
        Proxies proxies = proxies();
        Random random = new Random(4);
        ProxyAnchor anchor = new ProxyAnchor(proxies, T, 0.5f);
        double withinBefore = 0;
        double withinAfter = 0;
        double betweenBefore = 0;
        double betweenAfter = 0;
        for (int trial = 0; trial < 50; trial++) {
            float[] a = near(proxies.vectors()[0], 0.3, random);
            float[] b = near(proxies.vectors()[0], 0.3, random);
            float[] c = near(proxies.vectors()[2], 0.3, random);
            withinBefore += cosine(a, b);
            betweenBefore += cosine(a, c);
            withinAfter += cosine(anchor.apply(a), anchor.apply(b));
            betweenAfter += cosine(anchor.apply(a), anchor.apply(c));
        }
        assertTrue(withinAfter > withinBefore, "items of one class close ranks: " + withinBefore + " -> " + withinAfter);
        assertTrue(withinAfter - betweenAfter > withinBefore - betweenBefore,
                "the gap between classes grows: " + (withinBefore - betweenBefore) + " -> " + (withinAfter - betweenAfter));
    }

    @Test
    void anchoredEmbeddingIsAUnitVectorCloserToItsLikelyProxy() {
        Proxies proxies = proxies();
        Random random = new Random(5);
        ProxyAnchor anchor = new ProxyAnchor(proxies, T, 0.3f);
        ProxyClassifier classifier = new ProxyClassifier(proxies, T);
        for (int trial = 0; trial < 30; trial++) {
            float[] e = near(proxies.vectors()[trial % proxies.classes().size()], 0.2, random);
            float[] likely = proxies.vectors()[classifier.predict(e).label()];
            float[] anchored = anchor.apply(e);
            assertEquals(1.0, cosine(anchored, anchored), 1e-5);
            assertTrue(cosine(anchored, likely) > cosine(e, likely), "trial " + trial);
        }
    }

    @Test
    void weightOutsideZeroToBelowOneIsRefusedNamingIt() {
        for (float bad : List.of(-0.1f, 1f, 2f, Float.NaN)) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> new ProxyAnchor(proxies(), T, bad));
            assertTrue(e.getMessage().contains("proxy anchor weight") && e.getMessage().contains(String.valueOf(bad)),
                    e.getMessage());
        }
    }

    @Test
    void bundleWithAnchorMakesTheAnchorOfItsSpec() {
        ModelBundle anchored = TinyBundles.tiny().withProxyAnchor(0.4f);
        assertEquals(0.4f, ProxyAnchor.of(anchored).weight());
        assertEquals(0f, ProxyAnchor.of(TinyBundles.tiny()).weight(), "tiny bundles have none");
    }
}
