package dev.lookalike.opensearch.query;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import dev.lookalike.search.query.VisualSimilarityQuery;
import java.util.Arrays;
import java.util.Random;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.KnnFloatVectorField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.VectorSimilarityFunction;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.store.Directory;
import org.junit.jupiter.api.Test;

class ShardSimilarityQueryTest {

    private static float[] unit(Random random) {
        float[] v = new float[8];
        double norm = 0;
        for (int d = 0; d < v.length; d++) {
            v[d] = (float) random.nextGaussian();
            norm += v[d] * v[d];
        }
        for (int d = 0; d < v.length; d++) {
            v[d] /= (float) Math.sqrt(norm);
        }
        return v;
    }

    @Test
    void rewritingIsFreeAndOneInstanceSearchesOncePerReader() throws Exception {
        Random random = new Random(3);
        try (Directory dir = new ByteBuffersDirectory();
                IndexWriter writer = new IndexWriter(dir, new IndexWriterConfig())) {
            for (int i = 0; i < 200; i++) {
                Document doc = new Document();
                doc.add(new KnnFloatVectorField("v", unit(random), VectorSimilarityFunction.DOT_PRODUCT));
                writer.addDocument(doc);
                if (i % 70 == 0) {
                    writer.commit();
                }
            }
            writer.commit();
            float[] query = unit(random);
            VisualSimilarityQuery core = new VisualSimilarityQuery("v", query, 10, 50, null, null, null);
            SimilaritySearchStats stats = new SimilaritySearchStats();
            ShardSimilarityQuery shard = new ShardSimilarityQuery(core, stats);
            try (DirectoryReader reader = DirectoryReader.open(dir)) {
                IndexSearcher searcher = new IndexSearcher(reader);
                assertSame(shard, searcher.rewrite(shard), "a rewrite, as a fetch phase does, returns the query");
                assertEquals(0, stats.searches(), "and searches nothing");
                TopDocs first = searcher.search(shard, 10);
                TopDocs again = searcher.search(shard, 10);
                float explained = searcher.explain(shard, first.scoreDocs[0].doc).getValue().floatValue();
                assertEquals(1, stats.searches(), "one instance on one reader searches once");
                TopDocs expected = searcher.search(core, 10);
                assertEquals(Arrays.toString(ids(expected)), Arrays.toString(ids(first)));
                assertEquals(Arrays.toString(ids(expected)), Arrays.toString(ids(again)));
                assertEquals(expected.scoreDocs[0].score, explained, 0f);
                assertEquals(new ShardSimilarityQuery(core, new SimilaritySearchStats()), shard);
            }
            writer.addDocument(new Document());
            writer.commit();
            try (DirectoryReader reader = DirectoryReader.open(dir)) {
                new IndexSearcher(reader).search(shard, 10);
                assertEquals(2, stats.searches(), "another reader, another search");
            }
        }
    }

    private static int[] ids(TopDocs docs) {
        return Arrays.stream(docs.scoreDocs).mapToInt(d -> d.doc).toArray();
    }
}
