package dev.lookalike.opensearch.proxy;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.lookalike.search.proxy.IndexProxies;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Where an index keeps its catalogue proxies: in its mapping's {@code _meta}, under
 * {@code lookalike.catalogue_proxies.<vector field>}, as the search core's {@link IndexProxies} JSON plus the
 * {@code category_field} they were computed from, which re-ranking reads for each item's catalogue category.
 * The mapping is part of the cluster state, so every shard of the index re-ranks with the same proxies, and
 * they survive restarts and snapshots with the index. Costs O(categories x dimension) to read or write.
 *
 * @param proxies       the proxies
 * @param categoryField the keyword field of the items' categories
 */
public record CatalogueProxies(IndexProxies proxies, String categoryField) {

    private static final String CATEGORY_FIELD = "category_field";

    /** The key of Lookalike's part of {@code _meta}. */
    public static final String META_KEY = "lookalike";
    /** The key, inside it, of the proxies by vector field. */
    public static final String PROXIES_KEY = "catalogue_proxies";

    private static final ObjectMapper JSON = new ObjectMapper();

    /**
     * @param meta  a mapping's {@code _meta}, or {@code null}
     * @param field a vector field
     * @return the field's catalogue proxies, or {@code null} if none were computed
     * @throws IllegalArgumentException if the stored proxies are malformed
     */
    public static CatalogueProxies read(Map<String, Object> meta, String field) {
        if (meta == null || !(meta.get(META_KEY) instanceof Map<?, ?> lookalike)
                || !(lookalike.get(PROXIES_KEY) instanceof Map<?, ?> byField)
                || !(byField.get(field) instanceof Map<?, ?> stored)) {
            return null;
        }
        try {
            Map<Object, Object> proxies = new LinkedHashMap<>(stored);
            Object categoryField = proxies.remove(CATEGORY_FIELD);
            return new CatalogueProxies(JSON.convertValue(proxies, IndexProxies.class),
                    categoryField instanceof String name ? name : null);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("the mapping's _meta." + META_KEY + "." + PROXIES_KEY + "." + field
                    + " is not a valid set of proxies: " + e.getMessage(), e);
        }
    }

    /**
     * @param meta  a mapping's {@code _meta}, or {@code null}; left unchanged
     * @param field a vector field
     * @return a copy of {@code meta} with the field's proxies replaced by these, every other entry kept
     */
    @SuppressWarnings("unchecked")
    public Map<String, Object> writeInto(Map<String, Object> meta, String field) {
        Map<String, Object> out = meta == null ? new LinkedHashMap<>() : new LinkedHashMap<>(meta);
        Map<String, Object> lookalike = out.get(META_KEY) instanceof Map<?, ?> m
                ? new LinkedHashMap<>((Map<String, Object>) m) : new LinkedHashMap<>();
        Map<String, Object> byField = lookalike.get(PROXIES_KEY) instanceof Map<?, ?> m
                ? new LinkedHashMap<>((Map<String, Object>) m) : new LinkedHashMap<>();
        Map<String, Object> stored = JSON.convertValue(proxies, Map.class);
        stored.put(CATEGORY_FIELD, categoryField);
        byField.put(field, stored);
        lookalike.put(PROXIES_KEY, byField);
        out.put(META_KEY, lookalike);
        return out;
    }
}
