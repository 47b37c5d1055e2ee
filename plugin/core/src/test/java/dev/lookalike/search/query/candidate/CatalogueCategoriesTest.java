package dev.lookalike.search.query.candidate;

import dev.lookalike.search.proxy.CategoryProxy;
import dev.lookalike.search.proxy.IndexProxies;
import java.io.IOException;
import java.util.List;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.SortedSetDocValuesField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.LeafReader;
import org.apache.lucene.store.Directory;
import org.apache.lucene.tests.index.RandomIndexWriter;
import org.apache.lucene.tests.util.LuceneTestCase;
import org.apache.lucene.util.BytesRef;
import org.junit.Test;

public class CatalogueCategoriesTest extends LuceneTestCase {

    private static Document item(String... categories) {
        Document doc = new Document();
        for (String c : categories) {
            doc.add(new SortedSetDocValuesField("category", new BytesRef(c)));
        }
        return doc;
    }

    @Test
    public void oneKnownCategoryTakesAllSeveralShareAndUnknownOnesGiveNone() throws IOException {
        IndexProxies proxies = new IndexProxies(1, 0.1f, List.of(
                new CategoryProxy("Bag", true, 1, new float[] {1, 0}),
                new CategoryProxy("Boot", true, 1, new float[] {0, 1}),
                new CategoryProxy("Hat", false, 1, new float[] {0.6f, 0.8f})));
        try (Directory dir = newDirectory()) {
            try (RandomIndexWriter writer = new RandomIndexWriter(random(), dir)) {
                writer.addDocument(item("Boot"));
                writer.addDocument(item("Bag", "Hat", "Mystery"));
                writer.addDocument(item("Mystery"));
                writer.addDocument(item());
                writer.forceMerge(1);
            }
            try (DirectoryReader reader = DirectoryReader.open(dir)) {
                LeafReader leaf = reader.leaves().get(0).reader();
                CatalogueCategories categories = CatalogueCategories.of(leaf, "category",
                        CatalogueCategories.positions(proxies));
                assertArrayEquals(new float[] {0, 1, 0}, categories.distribution(0, 3), 0f);
                assertArrayEquals(new float[] {0.5f, 0, 0.5f}, categories.distribution(1, 3), 0f);
                assertNull("no category the proxies know", categories.distribution(2, 3));
                assertNull("no category at all", categories.distribution(3, 3));
            }
        }
    }
}
