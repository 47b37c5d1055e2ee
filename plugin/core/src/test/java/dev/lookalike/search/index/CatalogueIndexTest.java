package dev.lookalike.search.index;

import dev.lookalike.analyzer.model.Proxies;
import dev.lookalike.search.SearchInputException;
import dev.lookalike.search.proxy.CategoryProxy;
import dev.lookalike.search.proxy.IndexProxies;
import dev.lookalike.search.proxy.ProxyAssignment;
import dev.lookalike.search.proxy.StoredDistribution;
import dev.lookalike.search.query.QueryVector;
import dev.lookalike.search.query.SearchFilter;
import dev.lookalike.search.query.SearchHit;
import dev.lookalike.search.query.SearchResults;
import dev.lookalike.search.query.SimilarityQuery;
import dev.lookalike.search.query.SimilaritySearcher;
import dev.lookalike.search.testing.Oracle;
import dev.lookalike.search.testing.TestItems;
import dev.lookalike.search.testing.TestItems.Item;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.KeywordField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.FloatVectorValues;
import org.apache.lucene.index.KnnVectorValues;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.store.Directory;
import org.apache.lucene.util.Bits;
import org.apache.lucene.tests.store.MockDirectoryWrapper;
import org.apache.lucene.tests.util.LuceneTestCase;
import org.junit.Test;

public class CatalogueIndexTest extends LuceneTestCase {

    private static final int DIM = 8;
    private static final float T = 0.1f;

    /** The model knows c0 and c1; the items also use c2 and c3, which it never saw. */
    private Proxies model() {
        return new Proxies(List.of("c0", "c1", "c9"), new float[][] {
            TestItems.unitVector(random(), DIM), TestItems.unitVector(random(), DIM),
            TestItems.unitVector(random(), DIM)});
    }

    private IndexSettings settings() {
        return new IndexSettings(DIM, 2 + random().nextInt(30), 10 + random().nextInt(100),
                random().nextBoolean() ? Quantization.INT8 : Quantization.NONE, 1 + random().nextInt(4),
                random().nextBoolean());
    }

    @Test
    public void anUnsortedIndexOpensForWritingAndSaysHowToRebuildItSorted() throws IOException {
        IndexSettings unsorted = settings().withSortedByCategory(false);
        try (Directory dir = newDirectory()) {
            try (CatalogueIndex index = CatalogueIndex.create(dir, IndexMetadata.create("m", unsorted, model(), T))) {
                index.put(new IndexedItem("sku-1", "c1", "t", "", null, Map.of(), TestItems.unitVector(random(), DIM)));
                index.commit();
            }
            try (CatalogueIndex index = CatalogueIndex.open(dir)) {
                assertFalse(index.metadata().settings().sortedByCategory());
                assertTrue(index.sortNotice(), index.sortNotice().contains("--index"));
                index.put(new IndexedItem("sku-2", "c0", "t", "", null, Map.of(), TestItems.unitVector(random(), DIM)));
                index.commit();
            }
            try (DirectoryReader reader = DirectoryReader.open(dir)) {
                assertEquals(2, reader.numDocs());
                for (var leaf : reader.leaves()) {
                    assertNull(leaf.reader().getMetaData().sort());
                }
            }
        }
    }

    @Test
    public void aSortedIndexKeepsEachCategoryInOneRunWithUncategorisedItemsLast() throws IOException {
        try (Directory dir = newDirectory()) {
            try (CatalogueIndex index = CatalogueIndex.create(dir,
                    IndexMetadata.create("m", settings().withSortedByCategory(true), model(), T))) {
                assertNull(index.sortNotice());
                for (int i = 0; i < 60; i++) {
                    index.put(new IndexedItem("sku-" + i, i % 7 == 0 ? null : "c" + i % 3, "t", "", null, Map.of(),
                            TestItems.unitVector(random(), DIM)));
                }
                index.commit();
            }
            try (DirectoryReader reader = DirectoryReader.open(dir)) {
                for (var leaf : reader.leaves()) {
                    assertEquals(IndexSchema.categorySort(), leaf.reader().getMetaData().sort());
                    String previous = "";
                    boolean uncategorised = false;
                    for (int doc = 0; doc < leaf.reader().maxDoc(); doc++) {
                        String category = leaf.reader().storedFields().document(doc).get(IndexSchema.CATEGORY);
                        if (category == null) {
                            uncategorised = true;
                        } else {
                            assertFalse("categorised item after uncategorised ones", uncategorised);
                            assertTrue(previous + " then " + category, previous.compareTo(category) <= 0);
                            previous = category;
                        }
                    }
                }
            }
        }
    }

    @Test
    public void aBulkLoadIntoASortedIndexIsOneSegmentWhoseGraphWasBuiltBeforeSorting() throws IOException {
        try (Directory dir = new ByteBuffersDirectory()) {
            try (CatalogueIndex index = CatalogueIndex.create(dir,
                    IndexMetadata.create("m", settings().withSortedByCategory(true), model(), T))) {
                for (int batch = 0; batch < 5; batch++) {
                    List<IndexedItem> items = new ArrayList<>();
                    for (int i = 0; i < 1_000; i++) {
                        int n = batch * 1_000 + i;
                        // The model's own categories: no proxy drifts, so commit rewrites nothing.
                        items.add(new IndexedItem("sku-" + n, List.of("c0", "c1", "c9").get(n % 3), "t", "", null,
                                Map.of(),
                                TestItems.unitVector(random(), DIM)));
                    }
                    index.putAll(items);
                }
                index.commit();
            }
            // One segment means no merge re-inserted vectors in category order (see indexingBufferMb).
            try (DirectoryReader reader = DirectoryReader.open(dir)) {
                assertEquals(1, reader.leaves().size());
                assertEquals(5_000, reader.numDocs());
            }
        }
    }

    @Test
    public void theIndexingBufferIsAQuarterOfTheHeapWithinLucenesBounds() {
        long mb = 1024L * 1024;
        assertEquals(IndexWriterConfig.DEFAULT_RAM_BUFFER_SIZE_MB, CatalogueIndex.indexingBufferMb(32 * mb), 0);
        assertEquals(512, CatalogueIndex.indexingBufferMb(2048 * mb), 0);
        assertEquals(1_900, CatalogueIndex.indexingBufferMb(32_768 * mb), 0);
    }

    private static float[] unit(float[] v) {
        double norm = 0;
        for (float x : v) {
            norm += x * x;
        }
        float[] out = v.clone();
        for (int i = 0; i < out.length; i++) {
            out[i] /= (float) Math.sqrt(norm);
        }
        return out;
    }

    private static int count(DirectoryReader reader, String id) throws IOException {
        return new IndexSearcher(reader).count(KeywordField.newExactQuery(IndexSchema.ID, id));
    }

    @Test
    public void replaceByIdLeavesOneDocumentWithTheNewContent() throws IOException {
        try (Directory dir = newDirectory();
                CatalogueIndex index = CatalogueIndex.create(dir, IndexMetadata.create("m", settings(), model(), T))) {
            float[] first = TestItems.unitVector(random(), DIM);
            float[] second = TestItems.unitVector(random(), DIM);
            index.put(new IndexedItem("sku-1", "c0", "old title", "", null, Map.of(), first));
            index.commit();
            index.put(new IndexedItem("sku-1", "c2", "new title", "", null, Map.of("colour", "red"), second));
            index.commit();
            try (DirectoryReader reader = DirectoryReader.open(dir)) {
                assertEquals(1, reader.numDocs());
                assertEquals(1, count(reader, "sku-1"));
                SimilaritySearcher searcher = SimilaritySearcher.open(reader);
                assertArrayEquals(second, searcher.vectorOf("sku-1"), 0f);
                SearchHit hit = searcher.search(SimilarityQuery.builder(QueryVector.of(second)).build()).hits().get(0);
                assertEquals("new title", hit.title());
                assertEquals("c2", hit.category());
                assertEquals(Map.of("colour", "red"), hit.fields());
            }
        }
    }

    @Test
    public void deleteRemovesTheItemAndOnlyIt() throws IOException {
        try (Directory dir = newDirectory();
                CatalogueIndex index = CatalogueIndex.create(dir, IndexMetadata.create("m", settings(), model(), T))) {
            List<Item> items = TestItems.random(random(), 30, DIM, 3);
            index.putAll(items.stream().map(Item::indexed).toList());
            index.commit();
            index.delete("item-7");
            index.delete("no-such-item");
            index.commit();
            try (DirectoryReader reader = DirectoryReader.open(dir)) {
                assertEquals(29, reader.numDocs());
                assertEquals(0, count(reader, "item-7"));
                SearchResults results = SimilaritySearcher.open(reader).search(
                        SimilarityQuery.builder(QueryVector.of(items.get(7).vector())).k(30).build());
                assertFalse(results.hits().stream().anyMatch(h -> h.id().equals("item-7")));
                assertEquals(29, results.hits().size());
            }
        }
    }

    @Test
    public void badItemsAreRefusedNamingIdAndFieldAndCommittedItemsSurvive() throws IOException {
        try (Directory dir = newDirectory();
                CatalogueIndex index = CatalogueIndex.create(dir, IndexMetadata.create("m", settings(), model(), T))) {
            index.putAll(TestItems.random(random(), 10, DIM, 2).stream().map(Item::indexed).toList());
            index.commit();
            float[] nan = TestItems.unitVector(random(), DIM);
            nan[0] = Float.NaN;
            float[] inf = TestItems.unitVector(random(), DIM);
            inf[3] = Float.POSITIVE_INFINITY;
            float[] longer = new float[DIM];
            longer[0] = 2;
            Map<String, float[]> bad = Map.of("wrong-dim", TestItems.unitVector(random(), DIM + 1), "nan", nan,
                    "inf", inf, "not-unit", longer);
            for (Map.Entry<String, float[]> e : bad.entrySet()) {
                IndexedItem item = new IndexedItem(e.getKey(), "c0", "", "", null, Map.of(), e.getValue());
                SearchInputException error = expectThrows(SearchInputException.class, () -> index.put(item));
                assertEquals("item " + e.getKey() + " field vector", error.input());
                error = expectThrows(SearchInputException.class, () -> index.putAll(List.of(
                        TestItems.random(random(), 1, DIM, 1).get(0).indexed(), item)));
                assertEquals("item " + e.getKey() + " field vector", error.input());
            }
            for (String id : new String[] {null, "", "  "}) {
                IndexedItem item = new IndexedItem(id, "c0", "", "", null, Map.of(),
                        TestItems.unitVector(random(), DIM));
                SearchInputException error = expectThrows(SearchInputException.class, () -> index.put(item));
                assertEquals("item field id", error.input());
            }
            index.commit();
            try (DirectoryReader reader = DirectoryReader.open(dir)) {
                assertEquals(10, reader.numDocs());
            }
        }
    }

    @Test
    public void aCrashBeforeCommitLeavesTheLastCommitReadable() throws IOException {
        try (MockDirectoryWrapper dir = newMockDirectory()) {
            CatalogueIndex index = CatalogueIndex.create(dir, IndexMetadata.create("m", settings(), model(), T));
            List<Item> items = TestItems.random(random(), 40, DIM, 3);
            index.putAll(items.subList(0, 20).stream().map(Item::indexed).toList());
            index.commit();
            IndexMetadata committed = index.metadata();
            index.putAll(items.subList(20, 40).stream().map(Item::indexed).toList());
            index.delete("item-0");
            dir.crash();
            dir.clearCrash();
            try (DirectoryReader reader = DirectoryReader.open(dir)) {
                assertEquals(20, reader.numDocs());
                assertEquals(1, count(reader, "item-0"));
                assertEquals(committed, IndexMetadata.read(reader));
            }
            index.close();
        }
    }

    @Test
    public void metadataSurvivesReopening() throws IOException {
        Proxies model = model();
        IndexSettings settings = settings();
        try (Directory dir = newDirectory()) {
            IndexMetadata written;
            try (CatalogueIndex index = CatalogueIndex.create(dir, IndexMetadata.create("m", settings, model, T))) {
                index.putAll(TestItems.random(random(), 50, DIM, 4).stream().map(Item::indexed).toList());
                index.commit();
                written = index.metadata();
            }
            try (CatalogueIndex index = CatalogueIndex.open(dir)) {
                assertEquals(written, index.metadata());
            }
            try (DirectoryReader reader = DirectoryReader.open(dir)) {
                IndexMetadata read = SimilaritySearcher.open(reader).metadata();
                assertEquals(settings, read.settings());
                assertEquals("m", read.model());
                assertEquals(model.classes(), read.modelProxies().classes());
                assertArrayEquals(model.vectors()[1], read.modelProxies().vectors()[1], 0f);
                assertEquals(written.proxies(), read.proxies());
                assertEquals(List.of("c0", "c1", "c2", "c3"), read.proxies().categories());
            }
        }
    }

    @Test
    public void proxiesAreModelProxiesForKnownCategoriesAndNormalisedMeansForUnseenOnes() throws IOException {
        Proxies model = model();
        try (Directory dir = newDirectory();
                CatalogueIndex index = CatalogueIndex.create(dir, IndexMetadata.create("m", settings(), model, T))) {
            List<Item> items = new ArrayList<>(TestItems.random(random(), 60, DIM, 4));
            // put one at a time, then replace and delete some, so the proxies come from commit's recomputation
            for (Item item : items) {
                index.put(item.indexed());
            }
            Item replaced = new Item("item-5", "c3", "", TestItems.unitVector(random(), DIM));
            items.set(5, replaced);
            index.put(replaced.indexed());
            index.delete("item-6");
            items.remove(6);
            index.commit();
            IndexMetadata metadata = index.metadata();
            assertArrayEquals(model.vectors()[0], metadata.proxies().proxy("c0").vector(), 0f);
            assertTrue(metadata.proxies().proxy("c0").learned());
            assertNull("a model class without items gets no proxy", metadata.proxies().proxy("c9"));
            for (String unseen : List.of("c2", "c3")) {
                List<float[]> vectors = items.stream().filter(it -> it.category().equals(unseen))
                        .map(Item::vector).toList();
                CategoryProxy proxy = metadata.proxies().proxy(unseen);
                assertFalse(proxy.learned());
                assertEquals(vectors.size(), proxy.items());
                assertArrayEquals(Oracle.normalisedMean(vectors), proxy.vector(), 1e-6f);
            }
        }
    }

    @Test
    public void storedAssignmentsFollowTheProxiesWhenANewCategoryArrivesLater() throws IOException {
        try (Directory dir = newDirectory();
                CatalogueIndex index = CatalogueIndex.create(dir, IndexMetadata.create("m", settings(), model(), T))) {
            List<Item> first = TestItems.random(random(), 40, DIM, 2);
            for (Item item : first) {
                index.put(new IndexedItem(item.id(), item.category(), item.title(), "d", "img/" + item.id() + ".png",
                        Map.of("colour", "red"), item.vector()));
            }
            index.commit();
            // A category the model never saw, whose items all look like one item of the first batch: its
            // proxy lands on that item, which the new proxies now assign to it.
            Item lookalike = first.get(random().nextInt(first.size()));
            List<IndexedItem> second = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                float[] v = lookalike.vector().clone();
                v[i] += 0.01f;
                second.add(new IndexedItem("new-" + i, "c7", "", "", null, Map.of(), unit(v)));
            }
            index.putAll(second);
            index.commit();
            IndexProxies proxies = index.metadata().proxies();
            assertTrue(proxies.categories().contains("c7"));
            try (DirectoryReader reader = DirectoryReader.open(dir)) {
                IndexSearcher searcher = new IndexSearcher(reader);
                assertEquals(43, reader.numDocs());
                for (LeafReaderContext leaf : reader.leaves()) {
                    FloatVectorValues vectors = leaf.reader().getFloatVectorValues(IndexSchema.VECTOR);
                    KnnVectorValues.DocIndexIterator it = vectors.iterator();
                    Bits live = leaf.reader().getLiveDocs();
                    for (int doc = it.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = it.nextDoc()) {
                        if (live != null && !live.get(doc)) {
                            continue;
                        }
                        Document stored = leaf.reader().storedFields().document(doc);
                        String expected = ProxyAssignment.of(proxies, vectors.vectorValue(it.index())).category();
                        assertEquals(stored.get(IndexSchema.ID), expected, stored.get(IndexSchema.PROXY_CATEGORY));
                    }
                }
                Document moved = searcher.storedFields().document(
                        searcher.search(KeywordField.newExactQuery(IndexSchema.ID, lookalike.id()), 1).scoreDocs[0].doc);
                assertEquals("c7", moved.get(IndexSchema.PROXY_CATEGORY));
                assertEquals("rewriting keeps every other field", lookalike.category(), moved.get(IndexSchema.CATEGORY));
                assertEquals(lookalike.title(), moved.get(IndexSchema.TITLE));
                assertEquals("img/" + lookalike.id() + ".png", moved.get(IndexSchema.IMAGE));
                assertEquals("red", moved.get(IndexSchema.FIELD_PREFIX + "colour"));
                assertEquals(1, count(reader, lookalike.id()));
            }
        }
    }

    @Test
    public void createRefusesAnExistingIndexAndOpenRefusesAMissingOne() throws IOException {
        try (Directory dir = newDirectory()) {
            expectThrows(SearchInputException.class, () -> CatalogueIndex.open(dir));
            CatalogueIndex.create(dir, IndexMetadata.create("m", settings(), model(), T)).close();
            SearchInputException e = expectThrows(SearchInputException.class,
                    () -> CatalogueIndex.create(dir, IndexMetadata.create("m", settings(), model(), T)));
            assertTrue(e.getMessage(), e.getMessage().contains("already exists"));
        }
    }

    @Test
    public void bulkPutStoresAssignmentsUnderTheCommittedProxies() throws IOException {
        try (Directory dir = newDirectory();
                CatalogueIndex index = CatalogueIndex.create(dir, IndexMetadata.create("m", settings(), model(), T))) {
            List<Item> items = TestItems.random(random(), 80, DIM, 4);
            index.putAll(items.stream().map(Item::indexed).toList());
            index.commit();
            IndexMetadata metadata = index.metadata();
            List<float[]> proxies = metadata.proxies().proxies().stream().map(CategoryProxy::vector).toList();
            try (DirectoryReader reader = DirectoryReader.open(dir)) {
                IndexSearcher searcher = new IndexSearcher(reader);
                for (Item item : items) {
                    int doc = searcher.search(KeywordField.newExactQuery(IndexSchema.ID, item.id()), 1).scoreDocs[0].doc;
                    var leaf = reader.leaves().get(org.apache.lucene.index.ReaderUtil.subIndex(doc, reader.leaves()));
                    var stored = leaf.reader().getBinaryDocValues(IndexSchema.PROXY_DISTRIBUTION);
                    assertTrue(stored.advanceExact(doc - leaf.docBase));
                    assertEquals(metadata.proxies().generation(), StoredDistribution.generation(stored.binaryValue()));
                    float[] distribution = StoredDistribution.distribution(stored.binaryValue());
                    double[] expected = Oracle.softmax(proxies, item.vector(), T);
                    int best = 0;
                    for (int c = 0; c < expected.length; c++) {
                        assertEquals(expected[c], distribution[c], 1e-5);
                        best = expected[c] > expected[best] ? c : best;
                    }
                    assertEquals(metadata.proxies().categories().get(best),
                            searcher.storedFields().document(doc).get(IndexSchema.PROXY_CATEGORY));
                }
            }
        }
    }

    @Test
    public void rerankingIsExactForItemsStoredUnderOlderProxies() throws IOException {
        try (Directory dir = newDirectory();
                CatalogueIndex index = CatalogueIndex.create(dir, IndexMetadata.create("m", settings(), model(), T))) {
            List<Item> items = new ArrayList<>();
            for (Item item : TestItems.random(random(), 40, DIM, 4)) {
                // uncategorised items are re-ranked by the model's distribution, stored or recomputed
                items.add(items.size() % 3 == 0 ? new Item(item.id(), null, item.title(), item.vector()) : item);
            }
            for (Item item : items) {
                index.put(item.indexed()); // stored before any proxy exists
            }
            index.commit();
            index.put(new Item("late", "c7", "", TestItems.unitVector(random(), DIM)).indexed());
            index.commit(); // a new category: a new generation, every earlier item is stale
            IndexMetadata metadata = index.metadata();
            assertEquals(List.of("c0", "c1", "c2", "c3", "c7"), metadata.proxies().categories());
            List<float[]> proxies = metadata.proxies().proxies().stream().map(CategoryProxy::vector).toList();
            try (DirectoryReader reader = DirectoryReader.open(dir)) {
                float[] query = TestItems.unitVector(random(), DIM);
                SearchResults results = SimilaritySearcher.open(reader).search(SimilarityQuery.builder(
                        QueryVector.of(query)).k(41).rerank(true).rerankWeight(0.4f).rerankTemperature(T).build());
                assertEquals(41, results.hits().size());
                double[] q = Oracle.softmax(proxies, query, T);
                for (SearchHit hit : results.hits()) {
                    Item item = hit.id().equals("late") ? null
                            : items.get(Integer.parseInt(hit.id().substring("item-".length())));
                    if (item != null) {
                        assertEquals(Oracle.agreement(q, metadata.proxies().categories(), proxies, item.category(),
                                item.vector(), T), hit.parts().agreement(), 1e-5);
                    }
                }
            }
        }
    }

    @Test
    public void catalogueFieldsAreFilterableByTheirWholeValue() throws IOException {
        try (Directory dir = newDirectory();
                CatalogueIndex index = CatalogueIndex.create(dir, IndexMetadata.create("m", settings(), model(), T))) {
            List<Item> items = TestItems.random(random(), 200, DIM, 3);
            List<IndexedItem> indexed = new ArrayList<>();
            List<String> red = new ArrayList<>();
            for (Item item : items) {
                String colour = random().nextInt(5) == 0 ? "red" : "dark red";
                if (colour.equals("red")) {
                    red.add(item.id());
                }
                indexed.add(new IndexedItem(item.id(), item.category(), item.title(), "", null,
                        Map.of("colour", colour), item.vector()));
            }
            // Longer than one Lucene term may be: kept, returned, but no filter can match it.
            String notes = "n".repeat(org.apache.lucene.index.IndexWriter.MAX_TERM_LENGTH + 1);
            indexed.set(0, new IndexedItem(items.get(0).id(), items.get(0).category(), "", "", null,
                    Map.of("colour", "dark red", "notes", notes), items.get(0).vector()));
            red.remove(items.get(0).id());
            index.putAll(indexed);
            index.commit();
            try (DirectoryReader reader = DirectoryReader.open(dir)) {
                SimilaritySearcher searcher = SimilaritySearcher.open(reader);
                float[] query = TestItems.unitVector(random(), DIM);
                // numCandidates >= the matches: Lucene searches the filtered items exactly.
                SearchResults results = searcher.search(SimilarityQuery.builder(QueryVector.of(query)).k(10)
                        .numCandidates(items.size()).filter(SearchFilter.terms("field.colour", List.of("red"))).build());
                assertEquals(Oracle.nearest(items, query, 10, it -> red.contains(it.id())),
                        results.hits().stream().map(SearchHit::id).toList());
                results.hits().forEach(hit -> assertEquals(Map.of("colour", "red"), hit.fields()));
                assertEquals(0, searcher.search(SimilarityQuery.builder(QueryVector.of(query))
                        .filter(SearchFilter.terms("field.colour", List.of("Red"))).build()).hits().size());
                assertEquals(0, searcher.search(SimilarityQuery.builder(QueryVector.of(query))
                        .filter(SearchFilter.terms("field.notes", List.of(notes))).build()).hits().size());
                assertEquals(notes, searcher.search(SimilarityQuery.builder(QueryVector.of(items.get(0).vector()))
                        .k(1).build()).hits().get(0).fields().get("notes"));
                SearchInputException e = expectThrows(SearchInputException.class, () -> searcher.search(
                        SimilarityQuery.builder(QueryVector.of(query)).filter(SearchFilter.terms("field.",
                                List.of("red"))).build()));
                assertEquals("query filter field field.", e.input());
            }
        }
    }

    @Test
    public void forceMergeLeavesOneSegmentWithEveryItemAndTheMetadata() throws IOException {
        try (Directory dir = newDirectory();
                CatalogueIndex index = CatalogueIndex.create(dir, IndexMetadata.create("m", settings(), model(), T))) {
            List<Item> items = TestItems.random(random(), 90, DIM, 3);
            for (int from = 0; from < items.size(); from += 30) {
                index.putAll(items.subList(from, from + 30).stream().map(Item::indexed).toList());
                index.commit();
            }
            IndexMetadata before = index.metadata();
            index.forceMerge(1);
            index.commit();
            try (DirectoryReader reader = DirectoryReader.open(dir)) {
                assertEquals(1, reader.leaves().size());
                assertEquals(items.size(), reader.numDocs());
                assertEquals(before, IndexMetadata.read(reader));
                float[] query = items.get(17).vector();
                assertEquals("item-17", SimilaritySearcher.open(reader)
                        .search(SimilarityQuery.builder(QueryVector.of(query)).k(1).build()).hits().get(0).id());
            }
            assertEquals("force merge max segments",
                    expectThrows(SearchInputException.class, () -> index.forceMerge(0)).input());
        }
    }

    @Test
    public void outOfRangeSettingsAreRefusedNamingTheSetting() {
        assertEquals("index setting dimension", expectThrows(SearchInputException.class,
                () -> new IndexSettings(0, 16, 100, Quantization.NONE, 1)).input());
        assertEquals("index setting hnsw_m", expectThrows(SearchInputException.class,
                () -> new IndexSettings(8, 1, 100, Quantization.NONE, 1)).input());
        assertEquals("index setting beam_width", expectThrows(SearchInputException.class,
                () -> new IndexSettings(8, 16, 0, Quantization.NONE, 1)).input());
        assertEquals("index setting merge_workers", expectThrows(SearchInputException.class,
                () -> new IndexSettings(8, 16, 100, Quantization.NONE, 0)).input());
    }
}
