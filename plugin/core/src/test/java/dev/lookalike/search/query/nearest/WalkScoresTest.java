package dev.lookalike.search.query.nearest;

import dev.lookalike.search.index.CatalogueIndex;
import dev.lookalike.search.index.IndexMetadata;
import dev.lookalike.search.index.IndexSchema;
import dev.lookalike.search.index.IndexSettings;
import dev.lookalike.search.index.Quantization;
import dev.lookalike.search.query.candidate.Candidate;
import dev.lookalike.search.testing.Oracle;
import dev.lookalike.search.testing.TestItems;
import dev.lookalike.search.testing.TestItems.Item;
import java.io.IOException;
import java.util.List;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.store.Directory;
import org.apache.lucene.tests.util.LuceneTestCase;
import org.junit.Test;

public class WalkScoresTest extends LuceneTestCase {

    private static final int DIM = 16;

    private static DirectoryReader build(Directory dir, List<Item> items, Quantization quantization)
            throws IOException {
        IndexMetadata base = TestItems.metadata(items, DIM, 0.1f);
        IndexSettings settings = new IndexSettings(DIM, 16, 100, quantization, 1);
        IndexMetadata metadata = IndexMetadata.create("test", settings, base.modelProxies(), 0.1f)
                .withProxies(base.proxies());
        try (CatalogueIndex index = CatalogueIndex.create(dir, metadata)) {
            index.putAll(items.stream().map(Item::indexed).toList());
            index.commit();
        }
        return DirectoryReader.open(dir);
    }

    @Test
    public void walksOverRawVectorsScoreExactlyAndTheirCosinesAreTheItemsOwn() throws IOException {
        List<Item> items = TestItems.random(random(), 300, DIM, 3);
        try (Directory dir = new ByteBuffersDirectory(); DirectoryReader reader = build(dir, items, Quantization.NONE)) {
            for (LeafReaderContext leaf : reader.leaves()) {
                assertTrue(WalkScores.exact(leaf.reader(), IndexSchema.VECTOR));
                assertFalse("a field that does not exist", WalkScores.exact(leaf.reader(), "no_such_field"));
            }
            IndexSearcher searcher = new IndexSearcher(reader);
            float[] query = TestItems.unitVector(random(), DIM);
            List<Candidate> found = NearestDocuments.find(searcher, IndexSchema.VECTOR, query, 20, null,
                    SearchStrategy.HNSW, null, null);
            assertEquals(20, found.size());
            for (Candidate c : found) {
                String id = searcher.storedFields().document(c.doc).get(IndexSchema.ID);
                Item item = items.stream().filter(it -> it.id().equals(id)).findFirst().orElseThrow();
                assertEquals(id, Oracle.dot(item.vector(), query), c.similarity, 1e-6);
            }
        }
    }

    @Test
    public void walksOverQuantizedVectorsLeaveTheCosineToBeReadFromTheRawVector() throws IOException {
        List<Item> items = TestItems.random(random(), 300, DIM, 3);
        try (Directory dir = new ByteBuffersDirectory(); DirectoryReader reader = build(dir, items, Quantization.INT8)) {
            for (LeafReaderContext leaf : reader.leaves()) {
                assertFalse(WalkScores.exact(leaf.reader(), IndexSchema.VECTOR));
            }
            List<Candidate> found = NearestDocuments.find(new IndexSearcher(reader), IndexSchema.VECTOR,
                    TestItems.unitVector(random(), DIM), 20, null, SearchStrategy.HNSW, null, null);
            assertEquals(20, found.size());
            assertTrue(found.stream().allMatch(c -> Double.isNaN(c.similarity)));
        }
    }
}
