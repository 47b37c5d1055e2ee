package dev.lookalike.solr.search;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lookalike.search.query.SimilarityQuery;
import org.apache.solr.common.SolrException;
import org.apache.solr.common.params.ModifiableSolrParams;
import org.junit.jupiter.api.Test;

class ImageKnnOptionsTest {

    private static ModifiableSolrParams local(String... pairs) {
        ModifiableSolrParams p = new ModifiableSolrParams().set("type", "image_knn");
        for (int i = 0; i < pairs.length; i += 2) {
            p.set(pairs[i], pairs[i + 1]);
        }
        return p;
    }

    private static void assertRefused(String expected, String... pairs) {
        SolrException e = assertThrows(SolrException.class, () -> ImageKnnOptions.parse(local(pairs)));
        assertEquals(400, e.code(), e.getMessage());
        assertTrue(e.getMessage().contains(expected), "'" + e.getMessage() + "' should contain '" + expected + "'");
    }

    @Test
    void readsAVectorWithDefaults() {
        ImageKnnOptions o = ImageKnnOptions.parse(local("f", "embedding", "vector", "[1, 0, 0.5]"));
        assertEquals("embedding", o.field());
        assertEquals(10, o.topK());
        assertEquals(SimilarityQuery.defaultCandidates(10), o.numCandidates());
        assertArrayEquals(new float[] {1, 0, 0.5f}, o.vector());
        assertNull(o.image());
        assertNull(o.like());
        assertEquals(false, o.rerank());
    }

    @Test
    void theQueryStringIsAVectorWhenBracketedElseAnImage() {
        assertArrayEquals(new float[] {0.5f, 0.5f}, ImageKnnOptions.parse(local("f", "e", "v", " [0.5,0.5]")).vector());
        ImageKnnOptions image = ImageKnnOptions.parse(local("f", "e", "v", "iVBORw0KGgo="));
        assertEquals("iVBORw0KGgo=", image.image());
        assertNull(image.vector());
    }

    @Test
    void readsLikeRerankAndScoreOptions() {
        ImageKnnOptions o = ImageKnnOptions.parse(local("f", "e", "like", "sku-1", "topK", "5", "numCandidates",
                "50", "minScore", "0.8", "rerank", "true", "rerankWeight", "0.2", "rerankTemperature", "0.3",
                "preFilter", "category:shoes", "includeTags", "a"));
        assertEquals("sku-1", o.like());
        assertEquals("sku-1", ImageKnnOptions.parse(local("f", "e", "like", "sku-1", "v", "")).like(),
                "an empty query string after the local parameters is no source");
        assertEquals(5, o.topK());
        assertEquals(50, o.numCandidates());
        assertEquals(0.8f, o.minScore());
        assertTrue(o.rerank());
        assertEquals(0.2f, o.rerankWeight());
        assertEquals(0.3f, o.rerankTemperature());
    }

    @Test
    void refusesBadParametersNamingThemAndTheValue() {
        assertRefused("parameter [f] is missing", "vector", "[1]");
        assertRefused("needs exactly one of [vector], [image], [like]", "f", "e");
        assertRefused("got [vector, like]", "f", "e", "vector", "[1]", "like", "x");
        assertRefused("got [image, v]", "f", "e", "image", "abc", "v", "abc");
        assertRefused("[topK]: must be between 1 and 10000, got 0", "f", "e", "like", "x", "topK", "0");
        assertRefused("[topK]: must be between 1 and 10000, got 10001", "f", "e", "like", "x", "topK", "10001");
        assertRefused("[topK] must be an integer, got 'ten'", "f", "e", "like", "x", "topK", "ten");
        assertRefused("[numCandidates]: must be between k (10)", "f", "e", "like", "x", "numCandidates", "5");
        assertRefused("[minScore] must be between 0 and 1", "f", "e", "like", "x", "minScore", "1.5");
        assertRefused("[minScore] must be a number, got 'NaN'", "f", "e", "like", "x", "minScore", "NaN");
        assertRefused("[rerankWeight]: must be between 0 and 1, got 2.0", "f", "e", "like", "x", "rerank", "true",
                "rerankWeight", "2");
        assertRefused("[rerankTemperature]: must be a positive number", "f", "e", "like", "x", "rerank", "true",
                "rerankTemperature", "0");
        assertRefused("need rerank=true", "f", "e", "like", "x", "rerankWeight", "0.1");
        assertRefused("[rerank] must be true or false, got 'yes'", "f", "e", "like", "x", "rerank", "yes");
        assertRefused("unknown parameter [k]", "f", "e", "like", "x", "k", "3");
        assertRefused("parameter [like] is empty", "f", "e", "like", " ");
        assertRefused("parameter [vector] holds 'a' at position 1", "f", "e", "vector", "[1, a]");
    }
}
