package dev.lookalike.solr.proxy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lookalike.search.proxy.CategoryProxy;
import dev.lookalike.search.proxy.IndexProxies;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CatalogueProxiesTest {

    @Test
    void survivesTheRoundTripThroughTheStoredForm() {
        IndexProxies proxies = new IndexProxies(3, 0.1f, List.of(
                new CategoryProxy("boots", false, 12, new float[] {0.6f, 0.8f}),
                new CategoryProxy("shirt", true, 4, new float[] {1f, 0f})));
        CatalogueProxies stored = new CatalogueProxies(proxies, "category");
        Map<String, Object> data = stored.toData();
        assertEquals("category", data.get("category_field"));
        CatalogueProxies back = CatalogueProxies.fromData(data, "embedding");
        assertEquals(stored, back);
    }

    @Test
    void refusesMalformedDataNamingTheField() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> CatalogueProxies.fromData(Map.of("generation", 1, "temperature", -1, "proxies", List.of()), "emb"));
        assertTrue(e.getMessage().contains("field [emb]"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> CatalogueProxies.fromData("x", "emb"));
    }
}
