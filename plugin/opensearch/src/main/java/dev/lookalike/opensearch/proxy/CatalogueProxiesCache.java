package dev.lookalike.opensearch.proxy;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * This node's parsed catalogue proxies, by index and vector field, so that a re-ranked query does not convert the
 * mapping's {@code _meta} JSON into proxies again on every shard it reaches. An entry holds the {@code _meta} map it
 * was read from and is used only while the mapping still holds that very map: a mapping update (a proxy refresh
 * is one) makes a new map, and the next query reads the new proxies. Holds at most {@value #MAX_ENTRIES} entries
 * (index and field pairs), starting afresh when full. Thread-safe; a hit costs a map lookup.
 */
public final class CatalogueProxiesCache {

    /** The most index and field pairs held; far more than a node's image fields. */
    static final int MAX_ENTRIES = 1000;

    private final Map<String, Entry> entries = new ConcurrentHashMap<>();
    private final LongAdder hits = new LongAdder();
    private final LongAdder misses = new LongAdder();

    private record Entry(Map<String, Object> meta, CatalogueProxies proxies) {
    }

    /** Creates an empty cache. */
    public CatalogueProxiesCache() {
    }

    /**
     * @param indexUuid the index's UUID (a deleted and re-created index has a new one)
     * @param meta      the index mapping's {@code _meta} as the shard sees it now, or {@code null}
     * @param field     a vector field
     * @return the field's catalogue proxies, or {@code null} if none were computed (not counted as a miss)
     * @throws IllegalArgumentException if the stored proxies are malformed, as {@link CatalogueProxies#read}
     */
    public CatalogueProxies get(String indexUuid, Map<String, Object> meta, String field) {
        String key = indexUuid + "/" + field;
        Entry cached = entries.get(key);
        if (cached != null && cached.meta() == meta) {
            hits.increment();
            return cached.proxies();
        }
        CatalogueProxies read = CatalogueProxies.read(meta, field);
        if (read == null) {
            return null;
        }
        misses.increment();
        if (entries.size() >= MAX_ENTRIES) {
            entries.clear();
        }
        entries.put(key, new Entry(meta, read));
        return read;
    }

    /** @return how many index and field pairs are held */
    public int entries() {
        return entries.size();
    }

    /** @return how many lookups found the proxies parsed */
    public long hits() {
        return hits.sum();
    }

    /** @return how many lookups parsed the proxies from the mapping */
    public long misses() {
        return misses.sum();
    }
}
