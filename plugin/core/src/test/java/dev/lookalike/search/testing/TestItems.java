package dev.lookalike.search.testing;

import dev.lookalike.analyzer.model.Proxies;
import dev.lookalike.search.index.IndexMetadata;
import dev.lookalike.search.index.IndexSchema;
import dev.lookalike.search.index.IndexSettings;
import dev.lookalike.search.index.IndexedItem;
import dev.lookalike.search.proxy.CategoryProxyBuilder;
import dev.lookalike.search.proxy.IndexProxies;
import dev.lookalike.search.proxy.ProxyAssignment;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.tests.index.RandomIndexWriter;
import org.apache.lucene.tests.util.LuceneTestCase;
import org.apache.lucene.store.Directory;

/** Random items with unit vectors, and a way to index them with a random codec through the core's schema. */
public final class TestItems {

    /** A test item: what was indexed, kept for the oracle. */
    public record Item(String id, String category, String title, float[] vector) {

        /** @return the item as the core indexes it */
        public IndexedItem indexed() {
            return new IndexedItem(id, category, title, "description of " + id, "img/" + id + ".png",
                    Map.of("price", "9.99"), vector);
        }
    }

    private TestItems() {
    }

    /** @return a random unit vector */
    public static float[] unitVector(Random random, int dimension) {
        float[] v = new float[dimension];
        double len;
        do {
            len = 0;
            for (int i = 0; i < dimension; i++) {
                v[i] = (float) random.nextGaussian();
                len += v[i] * v[i];
            }
        } while (len == 0);
        for (int i = 0; i < dimension; i++) {
            v[i] = (float) (v[i] / Math.sqrt(len));
        }
        return v;
    }

    /** @return {@code n} items with random unit vectors and categories {@code c0..c(categories-1)} */
    public static List<Item> random(Random random, int n, int dimension, int categories) {
        List<Item> items = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            items.add(new Item("item-" + i, "c" + random.nextInt(categories), "title " + i,
                    unitVector(random, dimension)));
        }
        return items;
    }

    /** @return metadata whose proxies are computed from the items, with no model proxies */
    public static IndexMetadata metadata(List<Item> items, int dimension, float temperature) {
        return metadata(items, dimension, temperature, new Proxies(List.of(), new float[0][]));
    }

    /** @return metadata whose proxies are computed from the items and the given model proxies */
    public static IndexMetadata metadata(List<Item> items, int dimension, float temperature, Proxies model) {
        CategoryProxyBuilder builder = new CategoryProxyBuilder(model, temperature);
        items.forEach(it -> builder.add(it.category(), it.vector()));
        IndexProxies proxies = builder.build(1);
        return IndexMetadata.create("test", IndexSettings.defaults(dimension), model, temperature)
                .withProxies(proxies);
    }

    /**
     * Indexes the items with {@link RandomIndexWriter} (random codec, merge policy, flushes) through the
     * core's schema, with assignments under the metadata's proxies.
     *
     * @return a reader on the result; the caller closes it
     */
    public static DirectoryReader index(Directory dir, Random random, List<Item> items, IndexMetadata metadata)
            throws IOException {
        IndexSchema schema = new IndexSchema(metadata.settings());
        try (RandomIndexWriter writer = new RandomIndexWriter(random, dir,
                LuceneTestCase.newIndexWriterConfig(IndexSchema.newAnalyzer()))) {
            for (Item item : items) {
                writer.addDocument(schema.document(item.indexed(), ProxyAssignment.of(metadata.proxies(), item.vector())));
            }
            writer.commit();
        }
        return DirectoryReader.open(dir);
    }
}
