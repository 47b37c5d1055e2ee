package dev.lookalike.search.query.filter;

import dev.lookalike.search.index.IndexSchema;
import dev.lookalike.search.testing.TestItems;
import dev.lookalike.search.testing.TestItems.Item;
import java.io.IOException;
import java.util.List;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.LeafReader;
import org.apache.lucene.index.Term;
import org.apache.lucene.store.Directory;
import org.apache.lucene.tests.util.LuceneTestCase;
import org.apache.lucene.util.BytesRef;
import org.junit.Test;

public class FilterBitSetCacheTest extends LuceneTestCase {

    private static final int DIM = 4;

    @Test
    public void repeatedTermFiltersShareOneBitSetPerSegmentUntilItCloses() throws IOException {
        List<Item> items = TestItems.random(random(), 200, DIM, 3);
        FilterBitSetCache cache = new FilterBitSetCache(8);
        List<BytesRef> c1 = List.of(new BytesRef("c1"));
        try (Directory dir = newDirectory()) {
            TestItems.index(dir, random(), items, TestItems.metadata(items, DIM, 0.1f)).close();
            try (DirectoryReader reader = DirectoryReader.open(dir)) {
                LeafReader segment = reader.leaves().getFirst().reader();
                FilterBitSetCache.Matches first = cache.matches(segment, IndexSchema.CATEGORY, c1);
                assertSame(first, cache.matches(segment, IndexSchema.CATEGORY, c1));
                long expected = 0;
                for (int doc = 0; doc < segment.maxDoc(); doc++) {
                    String category = segment.storedFields().document(doc).get(IndexSchema.CATEGORY);
                    expected += "c1".equals(category) ? 1 : 0;
                    assertEquals(doc + "", "c1".equals(category), first.bits().get(doc));
                }
                assertEquals(expected, first.cardinality());
                assertEquals(1, cache.size());

                // Deleting documents keeps the segment's core: its bit set serves the new reader too.
                try (IndexWriter writer = new IndexWriter(dir, newIndexWriterConfig())) {
                    writer.deleteDocuments(new Term(IndexSchema.ID, items.get(0).id()));
                }
                try (DirectoryReader after = DirectoryReader.openIfChanged(reader)) {
                    assertNotNull(after);
                    for (var leaf : after.leaves()) {
                        if (leaf.reader().getCoreCacheHelper().getKey() == segment.getCoreCacheHelper().getKey()) {
                            assertSame(first, cache.matches(leaf.reader(), IndexSchema.CATEGORY, c1));
                        }
                    }
                }
            }
            // Every reader of the segment is closed: its entries are gone.
            assertEquals(0, cache.size());
        }
    }

    @Test
    public void theLeastRecentlyUsedEntryMakesWayBeyondTheBound() throws IOException {
        List<Item> items = TestItems.random(random(), 50, DIM, 4);
        FilterBitSetCache cache = new FilterBitSetCache(2);
        try (Directory dir = newDirectory();
                DirectoryReader reader = TestItems.index(dir, random(), items, TestItems.metadata(items, DIM, 0.1f))) {
            LeafReader segment = reader.leaves().getFirst().reader();
            for (String category : List.of("c0", "c1", "c2", "c3")) {
                cache.matches(segment, IndexSchema.CATEGORY, List.of(new BytesRef(category)));
            }
            assertEquals(2, cache.size());
        }
    }
}
