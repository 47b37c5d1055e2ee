package dev.lookalike.search.index;

import dev.lookalike.search.proxy.IndexProxies;
import dev.lookalike.search.proxy.ProxyAssignment;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.IndexableField;
import org.apache.lucene.index.SortedSetDocValues;
import org.apache.lucene.index.StoredFields;

/**
 * Finds the live items whose stored {@value IndexSchema#PROXY_CATEGORY} is no longer what the current proxies
 * predict for their vector (a category appeared, disappeared or its mean moved after they were written), and
 * reads each back as an {@link IndexedItem} so that it can be written again. Their distributions need no
 * such care: the searcher recomputes any distribution of an older proxy generation. Costs a pass over all
 * vectors, O(items x categories x dimension), plus a stored-fields read per stale item.
 */
final class StaleAssignments {

    private StaleAssignments() {
    }

    /**
     * @param reader  the index, with the writer's pending changes
     * @param proxies the current proxies; none stale when empty
     * @return the stale items, as they were indexed
     * @throws IOException if the index cannot be read
     */
    static List<IndexedItem> find(IndexReader reader, IndexProxies proxies) throws IOException {
        List<IndexedItem> stale = new ArrayList<>();
        if (proxies.isEmpty()) {
            return stale;
        }
        LiveVectors.forEach(reader, leaf -> {
            SortedSetDocValues assigned = leaf.getSortedSetDocValues(IndexSchema.PROXY_CATEGORY);
            StoredFields stored = leaf.storedFields();
            return (doc, vector) -> {
                if (!ProxyAssignment.of(proxies, vector).category().equals(LiveVectors.keyword(assigned, doc))) {
                    stale.add(item(stored.document(doc), vector.clone()));
                }
            };
        });
        return stale;
    }

    private static IndexedItem item(Document doc, float[] vector) {
        Map<String, String> fields = new LinkedHashMap<>();
        for (IndexableField field : doc.getFields()) {
            if (field.name().startsWith(IndexSchema.FIELD_PREFIX)) {
                fields.put(field.name().substring(IndexSchema.FIELD_PREFIX.length()), field.stringValue());
            }
        }
        return new IndexedItem(doc.get(IndexSchema.ID), doc.get(IndexSchema.CATEGORY), doc.get(IndexSchema.TITLE),
                doc.get(IndexSchema.DESCRIPTION), doc.get(IndexSchema.IMAGE), fields, vector);
    }
}
