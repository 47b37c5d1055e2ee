package dev.lookalike.search.query.filter;

import dev.lookalike.analyzer.model.Proxies;
import dev.lookalike.search.index.CatalogueIndex;
import dev.lookalike.search.index.IndexMetadata;
import dev.lookalike.search.index.IndexSchema;
import dev.lookalike.search.index.IndexSettings;
import dev.lookalike.search.query.QueryVector;
import dev.lookalike.search.query.SearchFilter;
import dev.lookalike.search.query.SearchHit;
import dev.lookalike.search.query.SimilarityQuery;
import dev.lookalike.search.query.SimilaritySearcher;
import dev.lookalike.search.query.nearest.SearchStrategy;
import dev.lookalike.search.testing.Oracle;
import dev.lookalike.search.testing.TestItems;
import dev.lookalike.search.testing.TestItems.Item;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.HashSet;
import java.util.Set;
import java.util.function.Predicate;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.Term;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.store.Directory;
import org.apache.lucene.tests.util.LuceneTestCase;
import org.junit.Test;

/**
 * Sorting must not change what a search returns: random indices, sorted and unsorted, with deletes, updates
 * and several segments, searched with every strategy and filters keeping 0, 1, k−1, k and k+1 items, against
 * the brute-force oracle. Approximate strategies get candidate counts of at least the corpus size, so their
 * results must be exact too.
 */
public class FilteredSearchOracleTest extends LuceneTestCase {

    private static final int DIM = 8;
    private static final int K = 10;

    /** A filter as the searcher takes it and as the oracle checks it. */
    private record Case(String name, List<SearchFilter> filters, Predicate<Item> accepts) {
    }

    @Test
    public void sortedIndexMatchesOracleForEveryStrategy() throws IOException {
        checkAgainstOracle(true);
    }

    @Test
    public void unsortedIndexMatchesOracleForEveryStrategy() throws IOException {
        checkAgainstOracle(false);
    }

    private void checkAgainstOracle(boolean sorted) throws IOException {
        Map<String, Item> live = new LinkedHashMap<>();
        List<Item> items = new ArrayList<>(TestItems.random(random(), 200 + random().nextInt(300), DIM, 4));
        // Categories sized for the edge cases: 1, k-1, k and k+1 items; some items have none.
        int next = 0;
        for (Object[] sized : new Object[][] {{"one", 1}, {"km1", K - 1}, {"k", K}, {"kp1", K + 1}, {null, 15}}) {
            for (int i = 0; i < (int) sized[1]; i++, next++) {
                Item old = items.get(next);
                items.set(next, new Item(old.id(), (String) sized[0], old.title(), old.vector()));
            }
        }
        Collections.shuffle(items, random());
        IndexSettings settings = IndexSettings.defaults(DIM).withSortedByCategory(sorted);
        IndexMetadata metadata = IndexMetadata.create("test", settings, new Proxies(List.of(), new float[0][]), 0.1f);
        try (Directory dir = newFSDirectory(createTempDir())) {
            try (CatalogueIndex index = CatalogueIndex.create(dir, metadata)) {
                int batch = Math.max(1, items.size() / (2 + random().nextInt(3)));
                for (int from = 0; from < items.size(); from += batch) {
                    for (Item item : items.subList(from, Math.min(items.size(), from + batch))) {
                        index.put(item.indexed());
                        live.put(item.id(), item);
                    }
                    index.commit();
                }
                List<String> ids = new ArrayList<>(live.keySet());
                for (int i = 0; i < ids.size() / 10; i++) {
                    String id = ids.get(random().nextInt(ids.size()));
                    Item old = live.get(id);
                    if (old == null || old.category() != null && Set.of("one", "km1", "k", "kp1").contains(old.category())) {
                        continue;
                    }
                    if (random().nextBoolean()) {
                        index.delete(id);
                        live.remove(id);
                    } else {
                        Item updated = new Item(id, "c" + random().nextInt(4), old.title(),
                                TestItems.unitVector(random(), DIM));
                        index.put(updated.indexed());
                        live.put(id, updated);
                    }
                }
                index.commit();
            }
            try (DirectoryReader reader = DirectoryReader.open(dir)) {
                for (LeafReaderContext leaf : reader.leaves()) {
                    assertEquals("segment sorted", sorted, KnnFilter.sortedByCategory(leaf.reader()));
                }
                IndexMetadata stored = IndexMetadata.read(reader);
                SimilaritySearcher searcher = new SimilaritySearcher(new IndexSearcher(reader), stored);
                List<Item> corpus = List.copyOf(live.values());
                for (SearchStrategy strategy : SearchStrategy.values()) {
                    for (Case c : cases(corpus)) {
                        float[] query = TestItems.unitVector(random(), DIM);
                        boolean approximate = strategy == SearchStrategy.HNSW || strategy == SearchStrategy.ACORN;
                        int candidates = approximate ? Math.min(SimilarityQuery.MAX_CANDIDATES, items.size())
                                : K + random().nextInt(K);
                        SimilarityQuery.Builder q = SimilarityQuery.builder(QueryVector.of(query)).k(K)
                                .numCandidates(candidates).strategy(strategy);
                        c.filters.forEach(q::filter);
                        List<String> expected = Oracle.nearest(corpus, query, K, c.accepts);
                        List<String> actual = searcher.search(q.build()).hits().stream().map(SearchHit::id).toList();
                        assertEquals((sorted ? "sorted " : "unsorted ") + strategy + " " + c.name, expected, actual);
                    }
                }
            }
        }
    }

    private List<Case> cases(List<Item> corpus) {
        List<Case> cases = new ArrayList<>();
        cases.add(new Case("no filter", List.of(), it -> true));
        for (String category : List.of("none", "one", "km1", "k", "kp1", "c0", "c3")) {
            cases.add(new Case("category " + category, List.of(SearchFilter.categories(category)),
                    it -> category.equals(it.category())));
        }
        cases.add(new Case("categories c1, kp1", List.of(SearchFilter.categories("c1", "kp1")),
                it -> "c1".equals(it.category()) || "kp1".equals(it.category())));
        Set<String> someIds = new HashSet<>(
                corpus.stream().filter(it -> random().nextInt(3) == 0).map(Item::id).toList());
        SearchFilter byId = SearchFilter.terms(IndexSchema.ID, List.copyOf(someIds));
        cases.add(new Case("ids", List.of(byId), it -> someIds.contains(it.id())));
        cases.add(new Case("category c2 and ids", List.of(SearchFilter.categories("c2"), byId),
                it -> someIds.contains(it.id()) && "c2".equals(it.category())));
        cases.add(new Case("category c2 as a Lucene query", List.of(SearchFilter.query(
                new TermQuery(new Term(IndexSchema.CATEGORY, "c2")))), it -> "c2".equals(it.category())));
        return cases;
    }
}
