package dev.lookalike.opensearch.proxy;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.lookalike.search.proxy.IndexProxies;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Where an index keeps its catalogue proxies: in its mapping's {@code _meta}, under
 * {@code lookalike.catalogue_proxies.<vector field>}, as the search core's {@link IndexProxies} JSON. The mapping
 * is part of the cluster state, so every shard of the index re-ranks with the same proxies, and they survive
 * restarts and snapshots with the index. Costs O(categories x dimension) to read or write.
 */
public final class CatalogueProxies {

    /** The key of Lookalike's part of {@code _meta}. */
    public static final String META_KEY = "lookalike";
    /** The key, inside it, of the proxies by vector field. */
    public static final String PROXIES_KEY = "catalogue_proxies";

    private static final ObjectMapper JSON = new ObjectMapper();

    private CatalogueProxies() {
    }

    /**
     * @param meta  a mapping's {@code _meta}, or {@code null}
     * @param field a vector field
     * @return the field's catalogue proxies, or {@code null} if none were computed
     * @throws IllegalArgumentException if the stored proxies are malformed
     */
    public static IndexProxies read(Map<String, Object> meta, String field) {
        if (meta == null || !(meta.get(META_KEY) instanceof Map<?, ?> lookalike)
                || !(lookalike.get(PROXIES_KEY) instanceof Map<?, ?> byField) || byField.get(field) == null) {
            return null;
        }
        try {
            return JSON.convertValue(byField.get(field), IndexProxies.class);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("the mapping's _meta." + META_KEY + "." + PROXIES_KEY + "." + field
                    + " is not a valid set of proxies: " + e.getMessage(), e);
        }
    }

    /**
     * @param meta    a mapping's {@code _meta}, or {@code null}; left unchanged
     * @param field   a vector field
     * @param proxies its new catalogue proxies
     * @return a copy of {@code meta} with the field's proxies replaced, every other entry kept
     */
    @SuppressWarnings("unchecked")
    public static Map<String, Object> write(Map<String, Object> meta, String field, IndexProxies proxies) {
        Map<String, Object> out = meta == null ? new LinkedHashMap<>() : new LinkedHashMap<>(meta);
        Map<String, Object> lookalike = out.get(META_KEY) instanceof Map<?, ?> m
                ? new LinkedHashMap<>((Map<String, Object>) m) : new LinkedHashMap<>();
        Map<String, Object> byField = lookalike.get(PROXIES_KEY) instanceof Map<?, ?> m
                ? new LinkedHashMap<>((Map<String, Object>) m) : new LinkedHashMap<>();
        byField.put(field, JSON.convertValue(proxies, Map.class));
        lookalike.put(PROXIES_KEY, byField);
        out.put(META_KEY, lookalike);
        return out;
    }
}
