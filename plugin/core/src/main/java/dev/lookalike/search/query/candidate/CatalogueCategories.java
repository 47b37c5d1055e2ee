package dev.lookalike.search.query.candidate;

import dev.lookalike.search.proxy.IndexProxies;
import java.io.IOException;
import java.util.HashMap;
import java.util.Map;
import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.LeafReader;
import org.apache.lucene.index.SortedSetDocValues;

/**
 * An item's distribution from its catalogue categories, for the item side of proxy agreement: the catalogue
 * says what an item is, which is surer than what the model guesses from its image. An item in one category
 * whose proxy the index has gets all of its probability there; one in several, an equal share in each; one in
 * none of the proxies' categories gets {@code null}, and the model's distribution stands in. Reads the
 * category field's doc values of one segment, looking each category name up once. Costs O(categories) per
 * item. Not thread-safe.
 */
final class CatalogueCategories {

    private static final int NO_PROXY = -1;

    private final SortedSetDocValues values;
    private final Map<String, Integer> proxyOfCategory;
    private final Map<Long, Integer> proxyOfOrd = new HashMap<>();

    private CatalogueCategories(SortedSetDocValues values, Map<String, Integer> proxyOfCategory) {
        this.values = values;
        this.proxyOfCategory = proxyOfCategory;
    }

    /**
     * @param proxies proxies
     * @return each proxy's position by category name, to share among the segments of one search
     */
    static Map<String, Integer> positions(IndexProxies proxies) {
        Map<String, Integer> index = new HashMap<>();
        for (int c = 0; c < proxies.proxies().size(); c++) {
            index.put(proxies.proxies().get(c).category(), c);
        }
        return index;
    }

    /**
     * @param reader    a segment
     * @param field     its keyword category field
     * @param positions each proxy's position by category name, from {@link #positions}
     * @return the segment's reader of categories
     * @throws IOException if the segment cannot be read
     */
    static CatalogueCategories of(LeafReader reader, String field, Map<String, Integer> positions)
            throws IOException {
        return new CatalogueCategories(DocValues.getSortedSet(reader, field), positions);
    }

    /**
     * @param doc        a document of the segment, at or after the previous one asked for
     * @param categories how many proxies there are
     * @return its distribution over the proxies, or {@code null} if none of its categories has a proxy
     * @throws IOException if the segment cannot be read
     */
    float[] distribution(int doc, int categories) throws IOException {
        if (!values.advanceExact(doc)) {
            return null;
        }
        float[] out = null;
        int known = 0;
        for (int i = 0; i < values.docValueCount(); i++) {
            int proxy = proxyOf(values.nextOrd());
            if (proxy >= 0) {
                out = out == null ? new float[categories] : out;
                out[proxy] = 1;
                known++;
            }
        }
        if (out != null && known > 1) {
            for (int c = 0; c < out.length; c++) {
                out[c] /= known;
            }
        }
        return out;
    }

    /** Looks each category up once per segment, only for the ords candidates have. */
    private int proxyOf(long ord) throws IOException {
        Integer known = proxyOfOrd.get(ord);
        if (known == null) {
            known = proxyOfCategory.getOrDefault(values.lookupOrd(ord).utf8ToString(), NO_PROXY);
            proxyOfOrd.put(ord, known);
        }
        return known;
    }
}
