package dev.lookalike.tools.bench.corpus;

import dev.lookalike.analyzer.dataset.SampledDataset;
import dev.lookalike.search.index.IndexedItem;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.function.IntConsumer;
import java.util.stream.IntStream;

/**
 * The corpus of {@code lookalike bench search}: {@code size} noisy copies of real embeddings
 * ({@link SourceEmbeddings#noisyCopy}), each of a source drawn at random, keeping that source's category, with
 * the catalogue field {@value FilterSelectivity#FIELD} set so that every {@link FilterSelectivity} keeps exactly
 * {@link FilterSelectivity#count} items (the rarest first, while items remain; the others get
 * {@value FilterSelectivity#OTHER}), the items of each picked by a seeded sample. Item {@code i} has the id
 * {@code item-i}. Everything is a function of the sources, the size, the noise and the seed. Memory: the
 * vectors, O(size x dimension) floats. Immutable.
 */
public final class SyntheticCorpus {

    private static final String ID_PREFIX = "item-";

    private final float[][] vectors;
    private final String[] categories;
    private final FilterSelectivity[] tags;
    private Map<String, int[]> byCategory;
    private final Map<FilterSelectivity, int[]> matching = new EnumMap<>(FilterSelectivity.class);

    private SyntheticCorpus(float[][] vectors, String[] categories, FilterSelectivity[] tags) {
        this.vectors = vectors;
        this.categories = categories;
        this.tags = tags;
        for (FilterSelectivity filter : FilterSelectivity.values()) {
            matching.put(filter, IntStream.range(0, tags.length).filter(i -> tags[i] == filter).toArray());
        }
    }

    /**
     * Generates a corpus. Costs O(size x dimension) Gaussian draws.
     *
     * @param sources  the real embeddings
     * @param size     how many items, at least 1
     * @param noise    the expected length of each copy's noise
     * @param random   where the sources, the noise and the tagged items come from
     * @param progress called with the number of items made, now and then
     * @return the corpus
     */
    static SyntheticCorpus generate(SourceEmbeddings sources, int size, double noise, SplittableRandom random,
            IntConsumer progress) {
        if (size < 1) {
            throw new IllegalArgumentException("a corpus needs at least 1 item, got " + size);
        }
        float[][] vectors = new float[size][];
        String[] categories = new String[size];
        for (int i = 0; i < size; i++) {
            int source = random.nextInt(sources.size());
            vectors[i] = sources.noisyCopy(source, noise, random);
            categories[i] = sources.category(source);
            if ((i & 4095) == 4095) {
                progress.accept(i + 1);
            }
        }
        progress.accept(size);
        return new SyntheticCorpus(vectors, categories, tags(size, random.nextLong()));
    }

    private static FilterSelectivity[] tags(int size, long seed) {
        FilterSelectivity[] byRarity = FilterSelectivity.values().clone();
        Arrays.sort(byRarity, (a, b) -> Double.compare(a.share(), b.share()));
        int[] counts = new int[byRarity.length];
        int tagged = 0;
        for (int t = 0; t < byRarity.length; t++) {
            counts[t] = Math.min(byRarity[t].count(size), size - tagged);
            tagged += counts[t];
        }
        int[] picked = SampledDataset.randomIndices(size, tagged, seed);
        FilterSelectivity[] tags = new FilterSelectivity[size];
        int next = 0;
        for (int t = 0; t < byRarity.length; t++) {
            for (int c = 0; c < counts[t]; c++) {
                tags[picked[next++]] = byRarity[t];
            }
        }
        return tags;
    }

    /** @return how many items */
    public int size() {
        return vectors.length;
    }

    /** @return the vector dimension */
    int dimension() {
        return vectors[0].length;
    }

    /** @return the vectors, by item; do not change them */
    public float[][] vectors() {
        return vectors;
    }

    /**
     * @param item an item index
     * @return its category, that of its source
     */
    public String category(int item) {
        return categories[item];
    }

    /**
     * @param category a category
     * @return the indices of its items, ascending; do not change them
     */
    public int[] inCategory(String category) {
        return byCategory().getOrDefault(category, new int[0]);
    }

    /**
     * A category other than the given one, the same for the same one: the next in name order, wrapping around.
     *
     * @param category a category of the corpus
     * @return another category, or the same when the corpus has only one
     */
    public String otherCategory(String category) {
        List<String> names = new ArrayList<>(byCategory().keySet());
        return names.get((names.indexOf(category) + 1) % names.size());
    }

    private synchronized Map<String, int[]> byCategory() {
        if (byCategory == null) {
            Map<String, List<Integer>> lists = new TreeMap<>();
            for (int i = 0; i < categories.length; i++) {
                lists.computeIfAbsent(categories[i], c -> new ArrayList<>()).add(i);
            }
            Map<String, int[]> arrays = new TreeMap<>();
            lists.forEach((c, items) -> arrays.put(c, items.stream().mapToInt(Integer::intValue).toArray()));
            byCategory = arrays;
        }
        return byCategory;
    }

    /**
     * @param item an item index
     * @return the filter that keeps it, or {@code null} when none does
     */
    public FilterSelectivity tag(int item) {
        return tags[item];
    }

    /**
     * @param filter a filter
     * @return the indices of the items it keeps, ascending; do not change them
     */
    public int[] matching(FilterSelectivity filter) {
        return matching.get(filter);
    }

    /** @return every item, as the core indexes it */
    public List<IndexedItem> items() {
        return IntStream.range(0, size()).mapToObj(this::item).toList();
    }

    /**
     * @param item an item index
     * @return the item with its id, category, {@value FilterSelectivity#FIELD} field and vector
     */
    IndexedItem item(int item) {
        String tag = tags[item] == null ? FilterSelectivity.OTHER : tags[item].value();
        return new IndexedItem(ID_PREFIX + item, categories[item], null, null, null,
                Map.of(FilterSelectivity.FIELD, tag), vectors[item]);
    }

    /**
     * @param id an item id of this corpus
     * @return its index
     * @throws IllegalArgumentException if it is not an id this corpus makes
     */
    public int indexOf(String id) {
        int index = -1;
        if (id != null && id.startsWith(ID_PREFIX)) {
            try {
                index = Integer.parseInt(id.substring(ID_PREFIX.length()));
            } catch (NumberFormatException e) {
                index = -1;
            }
        }
        if (index < 0 || index >= size()) {
            throw new IllegalArgumentException("not an item id of the benchmark corpus: " + id);
        }
        return index;
    }
}
