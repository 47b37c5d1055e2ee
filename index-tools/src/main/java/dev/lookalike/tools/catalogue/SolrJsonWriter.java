package dev.lookalike.tools.catalogue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lookalike.search.index.IndexedItem;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.file.Path;

/**
 * Writes items as a Solr JSON update request body: one JSON array of documents, each {@code id} followed by
 * the fields of {@link CatalogueDocuments}, the vector precomputed, so a large catalogue is embedded offline
 * and loaded with {@code POST /solr/COLLECTION/update} without running the model on the nodes. Solr replaces
 * a document with the same id. Documents go one per line, so the file streams and diffs well. The file
 * appears whole at {@link #finish()} or not at all.
 */
public final class SolrJsonWriter extends DocumentFile {

    /**
     * @param collection the collection the documents are meant for, named in {@link #describe()}
     * @param out        the JSON file to write
     * @throws IOException if the folder cannot be written
     */
    public SolrJsonWriter(String collection, Path out) throws IOException {
        super(collection, out);
    }

    @Override
    void write(BufferedWriter writer, IndexedItem item, int before) throws IOException {
        ObjectNode doc = CatalogueDocuments.JSON.createObjectNode().put("id", item.id());
        writer.write(before == 0 ? "[\n" : ",\n");
        writer.write(CatalogueDocuments.JSON.writeValueAsString(CatalogueDocuments.into(doc, item)));
    }

    @Override
    void end(BufferedWriter writer, int count) throws IOException {
        writer.write(count == 0 ? "[]\n" : "\n]\n");
    }

    @Override
    public String describe() {
        return "Solr JSON update file " + out() + " (" + written() + " documents for collection " + target()
                + "; load it with POST /solr/" + target() + "/update?commit=true, Content-Type: application/json)";
    }
}
