package dev.lookalike.tools.catalogue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lookalike.search.index.IndexedItem;
import java.util.Map;

/**
 * An embedded catalogue item as the JSON document an engine indexes, the same for OpenSearch and Solr:
 * {@value #VECTOR_FIELD} (the unit vector), {@code category}, {@code title}, {@code description}, {@code image}
 * (relative to the catalogue) and the catalogue's other fields as strings. A catalogue field never overwrites
 * one of these.
 */
public final class CatalogueDocuments {

    /** The field the vector is written to; the example mapping and configset name it so. */
    public static final String VECTOR_FIELD = "embedding";

    static final ObjectMapper JSON = new ObjectMapper();

    private CatalogueDocuments() {
    }

    /**
     * @param item an embedded item
     * @return its document, without its id
     */
    public static ObjectNode of(IndexedItem item) {
        return into(JSON.createObjectNode(), item);
    }

    /**
     * @param doc  a document that may already hold fields (an id), which are kept
     * @param item an embedded item
     * @return {@code doc}, with the item's fields added
     */
    static ObjectNode into(ObjectNode doc, IndexedItem item) {
        ArrayNode embedding = doc.putArray(VECTOR_FIELD);
        for (float x : item.vector()) {
            embedding.add(x);
        }
        if (item.category() != null) {
            doc.put("category", item.category());
        }
        doc.put("title", item.title() == null ? "" : item.title());
        doc.put("description", item.description() == null ? "" : item.description());
        if (item.image() != null) {
            doc.put("image", item.image());
        }
        for (Map.Entry<String, String> field : item.fields().entrySet()) {
            if (!doc.has(field.getKey())) {
                doc.put(field.getKey(), field.getValue());
            }
        }
        return doc;
    }
}
