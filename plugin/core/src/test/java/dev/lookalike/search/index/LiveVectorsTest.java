package dev.lookalike.search.index;

import java.io.IOException;
import java.util.HashMap;
import java.util.Map;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.KeywordField;
import org.apache.lucene.document.KnnFloatVectorField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.SortedSetDocValues;
import org.apache.lucene.index.Term;
import org.apache.lucene.store.Directory;
import org.apache.lucene.tests.index.RandomIndexWriter;
import org.apache.lucene.tests.util.LuceneTestCase;
import org.junit.Test;

public class LiveVectorsTest extends LuceneTestCase {

    @Test
    public void visitsEveryLiveItemOnceWithItsVectorAndSkipsDeletedOnes() throws IOException {
        int n = 20 + random().nextInt(80);
        Map<String, float[]> expected = new HashMap<>();
        try (Directory dir = newDirectory()) {
            try (RandomIndexWriter writer = new RandomIndexWriter(random(), dir)) {
                for (int i = 0; i < n; i++) {
                    float[] v = {i, 1, -i};
                    Document doc = new Document();
                    doc.add(new KeywordField(IndexSchema.ID, "item-" + i, Field.Store.YES));
                    if (i % 3 != 0) {
                        doc.add(new KeywordField(IndexSchema.CATEGORY, "c" + (i % 2), Field.Store.NO));
                    }
                    doc.add(new KnnFloatVectorField(IndexSchema.VECTOR, v, IndexSchema.SIMILARITY));
                    writer.addDocument(doc);
                    expected.put("item-" + i, v);
                }
                for (int i = 0; i < n; i += 5) {
                    writer.deleteDocuments(new Term(IndexSchema.ID, "item-" + i));
                    expected.remove("item-" + i);
                }
                writer.commit();
            }
            Map<String, float[]> seen = new HashMap<>();
            Map<String, String> categories = new HashMap<>();
            try (DirectoryReader reader = DirectoryReader.open(dir)) {
                LiveVectors.forEach(reader, leaf -> {
                    SortedSetDocValues ids = leaf.getSortedSetDocValues(IndexSchema.ID);
                    SortedSetDocValues category = leaf.getSortedSetDocValues(IndexSchema.CATEGORY);
                    return (doc, vector) -> {
                        String id = LiveVectors.keyword(ids, doc);
                        assertNull("visited once: " + id, seen.put(id, vector.clone()));
                        categories.put(id, LiveVectors.keyword(category, doc));
                    };
                });
            }
            assertEquals(expected.keySet(), seen.keySet());
            expected.forEach((id, v) -> assertArrayEquals(v, seen.get(id), 0f));
            categories.forEach((id, c) -> {
                int i = Integer.parseInt(id.substring("item-".length()));
                assertEquals(id, i % 3 == 0 ? null : "c" + (i % 2), c);
            });
        }
    }
}
