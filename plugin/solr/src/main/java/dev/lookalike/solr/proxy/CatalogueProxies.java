package dev.lookalike.solr.proxy;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.lookalike.search.proxy.IndexProxies;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One vector field's catalogue proxies and the field of the documents' categories they were computed from,
 * with their form in the managed resource: the core's {@link IndexProxies} JSON plus {@code category_field}.
 * Costs O(categories x dimension) to convert.
 *
 * @param proxies       the proxies
 * @param categoryField the field of the documents' catalogue categories
 */
public record CatalogueProxies(IndexProxies proxies, String categoryField) {

    private static final String CATEGORY_FIELD = "category_field";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() {
    };

    /** @return the stored form: plain maps, lists, numbers and strings, as Solr writes JSON */
    public Map<String, Object> toData() {
        Map<String, Object> data = new LinkedHashMap<>(JSON.convertValue(proxies, MAP));
        data.put(CATEGORY_FIELD, categoryField);
        return data;
    }

    /**
     * @param data  the stored form
     * @param field the vector field, for the message
     * @return the proxies
     * @throws IllegalArgumentException naming the field if the data is not a valid set of proxies
     */
    public static CatalogueProxies fromData(Object data, String field) {
        if (!(data instanceof Map<?, ?> map)) {
            throw new IllegalArgumentException("catalogue proxies of field [" + field + "] are not an object: " + data);
        }
        Map<Object, Object> copy = new LinkedHashMap<>(map);
        Object category = copy.remove(CATEGORY_FIELD);
        try {
            return new CatalogueProxies(JSON.convertValue(copy, IndexProxies.class),
                    category instanceof String s ? s : null);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("catalogue proxies of field [" + field + "] are malformed: "
                    + e.getMessage(), e);
        }
    }
}
