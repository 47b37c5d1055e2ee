package dev.lookalike.tools.catalogue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lookalike.search.catalogue.ItemSink;
import dev.lookalike.search.index.IndexedItem;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Map;

/**
 * Writes items as an OpenSearch {@code _bulk} request body (NDJSON): per item an action line
 * {@code {"index":{"_index":NAME,"_id":ID}}} then the document: {@code embedding} (the unit vector),
 * {@code category}, {@code title}, {@code description}, {@code image} (relative to the catalogue) and the
 * catalogue's other fields as strings. A bulk "index" action replaces a document with the same id. Writes
 * to a temporary file beside the target and moves it into place at {@link #finish()}, so that a crash
 * leaves no half-written file.
 */
public final class OpenSearchBulkWriter implements ItemSink {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final String indexName;
    private final Path out;
    private final Path tmp;
    private final BufferedWriter writer;
    private int written;
    private boolean finished;

    /**
     * @param indexName the {@code _index} of every action
     * @param out       the NDJSON file to write
     * @throws IOException if the folder cannot be written
     */
    public OpenSearchBulkWriter(String indexName, Path out) throws IOException {
        this.indexName = indexName;
        this.out = out;
        Path parent = out.toAbsolutePath().getParent();
        Files.createDirectories(parent);
        this.tmp = Files.createTempFile(parent, out.getFileName().toString(), ".tmp");
        this.writer = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8);
    }

    @Override
    public void accept(List<IndexedItem> items) throws IOException {
        for (IndexedItem item : items) {
            ObjectNode action = JSON.createObjectNode();
            action.putObject("index").put("_index", indexName).put("_id", item.id());
            writer.write(JSON.writeValueAsString(action));
            writer.write('\n');
            writer.write(JSON.writeValueAsString(document(item)));
            writer.write('\n');
            written++;
        }
    }

    /**
     * @param item an embedded item
     * @return its OpenSearch document
     */
    static ObjectNode document(IndexedItem item) {
        ObjectNode doc = JSON.createObjectNode();
        ArrayNode embedding = doc.putArray("embedding");
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

    @Override
    public void finish() throws IOException {
        writer.close();
        Files.move(tmp, out, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        finished = true;
    }

    @Override
    public String describe() {
        return "OpenSearch bulk file " + out + " (" + written + " documents for index " + indexName + ")";
    }

    @Override
    public void close() throws IOException {
        if (!finished) {
            writer.close();
            Files.deleteIfExists(tmp);
        }
    }
}
