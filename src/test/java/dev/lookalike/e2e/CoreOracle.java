package dev.lookalike.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import dev.lookalike.analyzer.model.ModelBundle;
import dev.lookalike.search.index.CatalogueIndex;
import dev.lookalike.search.index.IndexMetadata;
import dev.lookalike.search.index.IndexSettings;
import dev.lookalike.search.index.IndexedItem;
import dev.lookalike.search.query.SearchResults;
import dev.lookalike.search.query.SimilarityQuery;
import dev.lookalike.search.query.SimilaritySearcher;
import java.io.IOException;
import java.util.List;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.store.ByteBuffersDirectory;

/**
 * The search core, run in the test JVM on the very vectors an engine's index holds: what the plug-ins' answers
 * must equal. The core index has the shipped {@code fashion} model's proxies, as the plug-ins have.
 */
public final class CoreOracle implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final DirectoryReader reader;
    private final SimilaritySearcher searcher;

    private CoreOracle(DirectoryReader reader) throws IOException {
        this.reader = reader;
        this.searcher = SimilaritySearcher.open(reader);
    }

    /**
     * Indexes items with the core, under the shipped {@code fashion} model's proxies as the plug-ins have them.
     *
     * @param items the items, with the vectors an engine holds
     * @return the oracle
     * @throws IOException if the in-memory index cannot be written
     */
    public static CoreOracle of(List<IndexedItem> items) throws IOException {
        ModelBundle fashion = ModelBundle.load("fashion");
        ByteBuffersDirectory directory = new ByteBuffersDirectory();
        try (CatalogueIndex core = CatalogueIndex.create(directory,
                IndexMetadata.forModel(fashion, IndexSettings.defaults(64)))) {
            core.putAll(items);
            core.commit();
        }
        return new CoreOracle(DirectoryReader.open(directory));
    }

    /**
     * @param query a core query
     * @return the core's results
     * @throws IOException if the index cannot be read
     */
    public SearchResults search(SimilarityQuery query) throws IOException {
        return searcher.search(query);
    }

    /** @return a JSON array of numbers as floats */
    public static float[] floats(JsonNode array) {
        float[] out = new float[array.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = array.get(i).floatValue();
        }
        return out;
    }

    /** @return the vector as a JSON array */
    public static ArrayNode array(float[] vector) {
        ArrayNode out = JSON.createArrayNode();
        for (float x : vector) {
            out.add(x);
        }
        return out;
    }

    @Override
    public void close() throws IOException {
        reader.close();
    }
}
