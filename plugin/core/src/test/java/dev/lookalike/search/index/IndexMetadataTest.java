package dev.lookalike.search.index;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lookalike.analyzer.model.ModelBundle;
import dev.lookalike.analyzer.model.ModelSpec;
import dev.lookalike.analyzer.model.Proxies;
import dev.lookalike.search.query.SimilarityQuery;
import dev.lookalike.search.testing.TestItems;
import java.util.List;
import java.util.Map;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.store.Directory;
import org.apache.lucene.tests.util.LuceneTestCase;
import org.junit.Test;

public class IndexMetadataTest extends LuceneTestCase {

    private static final int DIM = 8;
    private static final float T = 0.1f;

    private Proxies proxies() {
        return new Proxies(List.of("c0", "c1"), new float[][] {
            TestItems.unitVector(random(), DIM), TestItems.unitVector(random(), DIM)});
    }

    /** Only the parts of a bundle that an index records: name, proxies, temperature, anchoring, re-ranking. */
    private static ModelBundle bundle(Proxies proxies, float anchor, Float rerankWeight) {
        ModelSpec spec = new ModelSpec(ModelSpec.FORMAT_VERSION, "m", null, null, proxies.classes(), T, false, anchor,
                rerankWeight, null, null, null, null);
        return new ModelBundle(spec, new byte[0], proxies);
    }

    private static ModelBundle bundle(Proxies proxies, float anchor) {
        return bundle(proxies, anchor, null);
    }

    private static IndexMetadata committedAndRead(Directory dir, Map<String, String> userData) throws Exception {
        try (IndexWriter writer = new IndexWriter(dir, new IndexWriterConfig())) {
            writer.setLiveCommitData(userData.entrySet());
            writer.commit();
        }
        try (DirectoryReader reader = DirectoryReader.open(dir)) {
            return IndexMetadata.read(reader);
        }
    }

    @Test
    public void anIndexOfAnAnchoredModelIsBuiltWithThatAnchoringOnly() throws Exception {
        Proxies proxies = proxies();
        IndexMetadata metadata = IndexMetadata.forModel(bundle(proxies, 0.5f), IndexSettings.defaults(DIM));
        try (Directory dir = new ByteBuffersDirectory()) {
            IndexMetadata read = committedAndRead(dir, metadata.toUserData());
            assertEquals(metadata, read);
            assertEquals(0.5f, read.modelProxyAnchor(), 0f);
            assertTrue(read.builtWith("m", proxies, 0.5f));
            assertFalse("the same model without anchoring makes other vectors", read.builtWith("m", proxies, 0f));
            assertFalse(read.builtWith("m", proxies(), 0.5f));
        }
        assertNotEquals(metadata, IndexMetadata.forModel(bundle(proxies, 0.3f), IndexSettings.defaults(DIM)));
    }

    @Test
    public void queriesThatNameNoRerankWeightTakeTheModelsElseTheSearchDefault() throws Exception {
        Proxies proxies = proxies();
        IndexMetadata own = IndexMetadata.forModel(bundle(proxies, 0.5f, 0.01f), IndexSettings.defaults(DIM));
        try (Directory dir = new ByteBuffersDirectory()) {
            Float stored = committedAndRead(dir, own.toUserData()).modelRerankWeight();
            assertEquals(0.01f, SimilarityQuery.effectiveRerankWeight(null, stored), 0f);
            assertEquals("a query's own comes first", 0.2f, SimilarityQuery.effectiveRerankWeight(0.2f, stored), 0f);
        }
        IndexMetadata none = IndexMetadata.forModel(bundle(proxies, 0f), IndexSettings.defaults(DIM));
        assertEquals(SimilarityQuery.DEFAULT_RERANK_WEIGHT,
                SimilarityQuery.effectiveRerankWeight(null, none.modelRerankWeight()), 0f);
        assertEquals(own.modelRerankWeight(), own.withProxies(own.proxies()).modelRerankWeight());
    }

    @Test
    public void metadataThatPredatesAnchoringMeansNone() throws Exception {
        Proxies proxies = proxies();
        IndexMetadata metadata = IndexMetadata.forModel(bundle(proxies, 0f), IndexSettings.defaults(DIM));
        ObjectMapper json = new ObjectMapper();
        ObjectNode stored = (ObjectNode) json.readTree(metadata.toUserData().get(IndexMetadata.KEY));
        assertNotNull(stored.remove("model_proxy_anchor"));
        stored.remove("model_rerank_weight");
        try (Directory dir = new ByteBuffersDirectory()) {
            IndexMetadata read = committedAndRead(dir, Map.of(IndexMetadata.KEY, json.writeValueAsString(stored)));
            assertEquals(0f, read.modelProxyAnchor(), 0f);
            assertTrue(read.builtWith("m", proxies, 0f));
            assertFalse(read.builtWith("m", proxies, 0.5f));
            assertNull("no weight of the model's: queries take the search default", read.modelRerankWeight());
        }
    }

    @Test
    public void settingsThatPredateSortingReadAsUnsortedAndSortedOnesAsSorted() throws Exception {
        assertFalse("sorting is asked for, not the default", IndexSettings.defaults(DIM).sortedByCategory());
        IndexMetadata metadata = IndexMetadata.forModel(bundle(proxies(), 0f),
                IndexSettings.defaults(DIM).withSortedByCategory(true));
        assertTrue(metadata.settings().sortedByCategory());
        ObjectMapper json = new ObjectMapper();
        ObjectNode stored = (ObjectNode) json.readTree(metadata.toUserData().get(IndexMetadata.KEY));
        assertNotNull(((ObjectNode) stored.get("settings")).remove("sorted_by_category"));
        try (Directory dir = new ByteBuffersDirectory()) {
            IndexMetadata read = committedAndRead(dir, Map.of(IndexMetadata.KEY, json.writeValueAsString(stored)));
            assertFalse(read.settings().sortedByCategory());
            assertEquals(metadata.settings().withSortedByCategory(false), read.settings());
        }
        try (Directory dir = new ByteBuffersDirectory()) {
            assertEquals(metadata, committedAndRead(dir, metadata.toUserData()));
        }
    }
}
