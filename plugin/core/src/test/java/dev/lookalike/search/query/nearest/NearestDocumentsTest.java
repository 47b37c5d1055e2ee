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
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.store.Directory;
import org.apache.lucene.tests.util.LuceneTestCase;
import org.junit.Test;

public class NearestDocumentsTest extends LuceneTestCase {

    private static final int DIM = 8;

    private static List<String> ids(IndexSearcher searcher, List<Candidate> found, float[] query,
            List<Item> items) throws IOException {
        List<Item> hits = new ArrayList<>();
        for (Candidate c : found) {
            String id = searcher.storedFields().document(c.doc).get(IndexSchema.ID);
            hits.add(items.stream().filter(it -> it.id().equals(id)).findFirst().orElseThrow());
        }
        return Oracle.nearest(hits, query, hits.size(), it -> true);
    }

    @Test
    public void exactScanAndHnswWalkBothFindTheNearestLiveMatches() throws IOException {
        List<Item> items = TestItems.random(random(), 400, DIM, 4);
        try (Directory dir = newDirectory()) {
            TestItems.index(dir, random(), items, TestItems.metadata(items, DIM, 0.1f)).close();
            Set<String> deleted = new HashSet<>();
            try (IndexWriter writer = new IndexWriter(dir, newIndexWriterConfig())) {
                for (int i = 0; i < 40; i++) {
                    String id = items.get(random().nextInt(items.size())).id();
                    writer.deleteDocuments(new Term(IndexSchema.ID, id));
                    deleted.add(id);
                }
            }
            try (DirectoryReader reader = DirectoryReader.open(dir)) {
                IndexSearcher searcher = newSearcher(reader);
                List<Item> live = items.stream().filter(it -> !deleted.contains(it.id())).toList();
                TermQuery filter = new TermQuery(new Term(IndexSchema.CATEGORY, "c2"));
                for (int round = 0; round < 5; round++) {
                    float[] query = TestItems.unitVector(random(), DIM);
                    int count = 1 + random().nextInt(30);
                    List<String> expected = Oracle.nearest(live, query, count, it -> it.category().equals("c2"));
                    List<Candidate> scanned = NearestDocuments.find(searcher, IndexSchema.VECTOR, query, count,
                            filter, SearchStrategy.EXACT, null, null);
                    assertEquals("exact scan", expected, ids(searcher, scanned, query, items));
                    // A walk asked for every match finds them all (Lucene scans when the walk cannot).
                    List<Candidate> walked = NearestDocuments.find(searcher, IndexSchema.VECTOR, query, 400, filter,
                            SearchStrategy.HNSW, null, null);
                    assertEquals("HNSW walk", Oracle.nearest(live, query, 400, it -> it.category().equals("c2")),
                            ids(searcher, walked, query, items));
                }
            }
        }
    }

    /** Items around one of two opposite poles: a catalogue of two categories far apart. */
    private static List<Item> twoPoles(java.util.Random random, int perPole) {
        List<Item> items = new ArrayList<>();
        for (int i = 0; i < 2 * perPole; i++) {
            float[] v = TestItems.unitVector(random, DIM);
            float pole = i < perPole ? 4 : -4;
            v[0] += pole;
            double norm = 0;
            for (float x : v) {
                norm += x * x;
            }
            for (int d = 0; d < DIM; d++) {
                v[d] /= (float) Math.sqrt(norm);
            }
            items.add(new Item("item-" + i, i < perPole ? "near" : "far", "t", v));
        }
        return items;
    }

    @Test
    public void aWalkThatRunsOutOfMatchesIsReplacedByTheExactScanNeverAShortAnswer() throws IOException {
        List<Item> items = twoPoles(random(), 1_000);
        IndexMetadata base = TestItems.metadata(items, DIM, 0.1f);
        IndexMetadata metadata = IndexMetadata.create("test",
                new IndexSettings(DIM, 4, 20, Quantization.NONE, 1, true), base.modelProxies(), 0.1f)
                .withProxies(base.proxies());
        try (Directory dir = new ByteBuffersDirectory()) {
            try (CatalogueIndex index = CatalogueIndex.create(dir, metadata)) {
                index.putAll(items.stream().map(Item::indexed).toList());
                index.commit();
            }
            try (DirectoryReader reader = DirectoryReader.open(dir)) {
                IndexSearcher searcher = new IndexSearcher(reader);
                TermQuery far = new TermQuery(new Term(IndexSchema.CATEGORY, "far"));
                for (SearchStrategy strategy : SearchStrategy.values()) {
                    for (int round = 0; round < 5; round++) {
                        // A query at the near pole, filtered to the far one: a filtered walk starts among
                        // documents the filter drops.
                        float[] query = items.get(random().nextInt(1_000)).vector();
                        List<Candidate> found = NearestDocuments.find(searcher, IndexSchema.VECTOR, query, 10, far,
                                strategy, null, null);
                        assertEquals(strategy + ": min(count, matches)", 10, found.size());
                        assertTrue(strategy + ": every result passes the filter",
                                ids(searcher, found, query, items).stream()
                                        .allMatch(id -> Integer.parseInt(id.substring(5)) >= 1_000));
                    }
                }
            }
        }
    }
}
