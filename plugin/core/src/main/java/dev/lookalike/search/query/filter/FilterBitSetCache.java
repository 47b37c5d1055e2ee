package dev.lookalike.search.query.filter;

import java.io.IOException;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.LeafReader;
import org.apache.lucene.index.PostingsEnum;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.util.BytesRef;
import org.apache.lucene.util.FixedBitSet;

/**
 * The documents of one segment that have any of a set of terms in a field, as bit sets kept for filters that
 * repeat (category and keyword terms): building one reads the terms' postings, O(matches) per query, which
 * Lucene's own query cache never saves for a {@code TermQuery}. Entries are keyed by the segment's core cache
 * key, so that a segment opened by several readers (after deletions or a reopen) shares them, and dropped when
 * the segment's core closes; a bit set holds deleted documents too, so deletions are applied live by the
 * caller. At most {@code maxEntries} entries, the least recently used evicted first; each costs
 * {@code maxDoc / 8} bytes. Thread-safe.
 */
public final class FilterBitSetCache {

    /** The number of entries of {@link #FilterBitSetCache()}. */
    public static final int DEFAULT_MAX_ENTRIES = 64;

    /** One field's accepted terms in one segment. */
    private record Key(Object segment, String field, List<BytesRef> values) {
    }

    /**
     * A segment's matches of a term set, and how many there are (deleted ones included).
     *
     * @param bits        the matches; read-only
     * @param cardinality the number of set bits
     */
    record Matches(FixedBitSet bits, int cardinality) {
    }

    private final int maxEntries;
    private final Map<Key, Matches> entries;
    /** The segments whose closing this cache listens for. */
    private final Set<IndexReader.CacheKey> watched = new HashSet<>();

    /** A cache of {@value #DEFAULT_MAX_ENTRIES} entries. */
    public FilterBitSetCache() {
        this(DEFAULT_MAX_ENTRIES);
    }

    /**
     * @param maxEntries how many bit sets at most, 0 to cache none
     * @throws IllegalArgumentException if {@code maxEntries} is negative
     */
    public FilterBitSetCache(int maxEntries) {
        if (maxEntries < 0) {
            throw new IllegalArgumentException("maxEntries must be at least 0, got " + maxEntries);
        }
        this.maxEntries = maxEntries;
        this.entries = new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<Key, Matches> eldest) {
                return size() > FilterBitSetCache.this.maxEntries;
            }
        };
    }

    /** @return how many bit sets are cached now */
    public synchronized int size() {
        return entries.size();
    }

    /**
     * The segment's documents with any of the values in the field, from the cache or from the postings.
     *
     * @param reader a segment
     * @param field  an indexed field
     * @param values the accepted values, sorted and distinct; not modified afterwards
     * @return the matches, deleted documents included; read-only
     * @throws IOException if the segment cannot be read
     */
    Matches matches(LeafReader reader, String field, List<BytesRef> values) throws IOException {
        IndexReader.CacheHelper helper = reader.getCoreCacheHelper();
        if (helper == null || maxEntries == 0) {
            return read(reader, field, values);
        }
        IndexReader.CacheKey segment = helper.getKey();
        Key key = new Key(segment, field, values);
        synchronized (this) {
            Matches known = entries.get(key);
            if (known != null) {
                return known;
            }
        }
        // Read outside the lock: two threads may both read a new entry, which costs time but not correctness.
        Matches read = read(reader, field, values);
        synchronized (this) {
            entries.put(key, read);
            if (watched.add(segment)) {
                helper.addClosedListener(this::evict);
            }
        }
        return read;
    }

    private synchronized void evict(IndexReader.CacheKey segment) {
        entries.keySet().removeIf(k -> k.segment == segment);
        watched.remove(segment);
    }

    private static Matches read(LeafReader reader, String field, List<BytesRef> values) throws IOException {
        FixedBitSet bits = new FixedBitSet(reader.maxDoc());
        Terms terms = reader.terms(field);
        if (terms != null) {
            TermsEnum termsEnum = terms.iterator();
            PostingsEnum postings = null;
            for (BytesRef value : values) {
                if (termsEnum.seekExact(value)) {
                    postings = termsEnum.postings(postings, PostingsEnum.NONE);
                    bits.or(postings);
                }
            }
        }
        return new Matches(bits, bits.cardinality());
    }
}
