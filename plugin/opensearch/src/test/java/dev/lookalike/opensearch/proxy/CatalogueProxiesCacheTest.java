package dev.lookalike.opensearch.proxy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import dev.lookalike.search.proxy.CategoryProxy;
import dev.lookalike.search.proxy.IndexProxies;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CatalogueProxiesCacheTest {

    private static Map<String, Object> meta(long generation) {
        IndexProxies proxies = new IndexProxies(generation, 0.1f, List.of(
                new CategoryProxy("Bag", true, 3, new float[] {1, 0}),
                new CategoryProxy("Shirt", false, 2, new float[] {0, 1})));
        return new CatalogueProxies(proxies, "category").writeInto(Map.of("owner", "team-a"), "embedding");
    }

    @Test
    void parsesOnceThenHitsUntilTheMappingChanges() {
        CatalogueProxiesCache cache = new CatalogueProxiesCache();
        Map<String, Object> first = meta(1);
        CatalogueProxies read = cache.get("uuid-a", first, "embedding");
        assertEquals(1, read.proxies().generation());
        assertEquals("category", read.categoryField());
        assertSame(read, cache.get("uuid-a", first, "embedding"));
        assertEquals(1, cache.misses());
        assertEquals(1, cache.hits());

        // A mapping update makes a new _meta map: the new proxies are read, even under an equal generation.
        Map<String, Object> refreshed = meta(1);
        CatalogueProxies reread = cache.get("uuid-a", refreshed, "embedding");
        assertEquals(2, cache.misses());
        assertSame(reread, cache.get("uuid-a", refreshed, "embedding"));
        assertEquals(2, cache.hits());
        assertEquals(1, cache.entries());

        // Another index (or the same name re-created) has its own entry.
        cache.get("uuid-b", refreshed, "embedding");
        assertEquals(3, cache.misses());
        assertEquals(2, cache.entries());
    }

    @Test
    void anIndexWithoutProxiesIsNeitherHitNorMiss() {
        CatalogueProxiesCache cache = new CatalogueProxiesCache();
        assertNull(cache.get("uuid-a", Map.of("owner", "team-a"), "embedding"));
        assertNull(cache.get("uuid-a", null, "embedding"));
        assertNull(cache.get("uuid-a", meta(1), "other_field"));
        assertEquals(0, cache.misses() + cache.hits() + cache.entries());
    }

    @Test
    void startsAfreshWhenFull() {
        CatalogueProxiesCache cache = new CatalogueProxiesCache();
        Map<String, Object> meta = meta(1);
        for (int i = 0; i <= CatalogueProxiesCache.MAX_ENTRIES; i++) {
            cache.get("uuid-" + i, meta, "embedding");
        }
        assertEquals(1, cache.entries());
    }
}
