package dev.lookalike.tools.catalogue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lookalike.search.index.IndexedItem;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.file.Path;

/**
 * Writes items as an OpenSearch {@code _bulk} request body (NDJSON): per item an action line
 * {@code {"index":{"_index":NAME,"_id":ID}}} then the document ({@link CatalogueDocuments}). A bulk "index"
 * action replaces a document with the same id. The file appears whole at {@link #finish()} or not at all.
 */
public final class OpenSearchBulkWriter extends DocumentFile {

    /**
     * @param indexName the {@code _index} of every action
     * @param out       the NDJSON file to write
     * @throws IOException if the folder cannot be written
     */
    public OpenSearchBulkWriter(String indexName, Path out) throws IOException {
        super(indexName, out);
    }

    @Override
    void write(BufferedWriter writer, IndexedItem item, int before) throws IOException {
        ObjectNode action = CatalogueDocuments.JSON.createObjectNode();
        action.putObject("index").put("_index", target()).put("_id", item.id());
        writer.write(CatalogueDocuments.JSON.writeValueAsString(action));
        writer.write('\n');
        writer.write(CatalogueDocuments.JSON.writeValueAsString(CatalogueDocuments.of(item)));
        writer.write('\n');
    }

    @Override
    public String describe() {
        return "OpenSearch bulk file " + out() + " (" + written() + " documents for index " + target() + ")";
    }
}
