package dev.lookalike.search.index;

import dev.lookalike.search.SearchInputException;
import dev.lookalike.search.UnitVectors;
import dev.lookalike.search.proxy.ProxyAssignment;
import dev.lookalike.search.proxy.StoredDistribution;
import java.util.Map;
import java.util.Set;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.standard.StandardAnalyzer;
import org.apache.lucene.document.BinaryDocValuesField;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.KeywordField;
import org.apache.lucene.document.KnnFloatVectorField;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.VectorSimilarityFunction;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;
import org.apache.lucene.search.SortedSetSelector;
import org.apache.lucene.search.SortedSetSortField;
import org.apache.lucene.util.UnicodeUtil;

/**
 * The one place that says what an item's Lucene document holds:
 * <ul>
 *   <li>{@value #VECTOR}: the unit embedding in an HNSW {@link KnnFloatVectorField} with dot-product
 *       similarity, which equals cosine for unit vectors;</li>
 *   <li>{@value #ID}, {@value #CATEGORY} and {@value #PROXY_CATEGORY} (the category the proxies predict):
 *       keywords, indexed for term filters, with sorted-set doc values for counting and sorting, stored;</li>
 *   <li>{@value #TITLE} and {@value #DESCRIPTION}: text analysed by {@link #newAnalyzer()} for BM25, stored;</li>
 *   <li>{@value #IMAGE}: stored only;</li>
 *   <li>every other catalogue field, under {@value #FIELD_PREFIX}{@code name}: stored, and indexed as one
 *       untokenised term for term filters (no doc values, so it costs one postings entry per item); a value
 *       longer than Lucene's term limit of {@value IndexWriter#MAX_TERM_LENGTH} UTF-8 bytes is stored only,
 *       and no filter matches it;</li>
 *   <li>{@value #PROXY_DISTRIBUTION}: binary doc values with the item's distribution over the index's
 *       categories and the proxy generation it was computed with ({@link StoredDistribution}).</li>
 * </ul>
 * Immutable and thread-safe.
 */
public final class IndexSchema {

    /** The item id: keyword, unique per index. */
    public static final String ID = "id";
    /** The catalogue category: keyword. */
    public static final String CATEGORY = "category";
    /** The category the proxies predict for the item's vector: keyword. */
    public static final String PROXY_CATEGORY = "proxy_category";
    /** The title: analysed text. */
    public static final String TITLE = "title";
    /** The description: analysed text. */
    public static final String DESCRIPTION = "description";
    /** The image path relative to the catalogue: stored only. */
    public static final String IMAGE = "image";
    /** The unit embedding: HNSW vector field. */
    public static final String VECTOR = "vector";
    /** The item's distribution over the index's categories: binary doc values. */
    public static final String PROXY_DISTRIBUTION = "proxy_distribution";
    /** The prefix of the fields that carry the catalogue's other fields: stored, and filterable by term. */
    public static final String FIELD_PREFIX = "field.";
    /** The keyword fields, which term filters may name, besides the catalogue fields ({@link #isTermFilterable}). */
    public static final Set<String> KEYWORD_FIELDS = Set.of(ID, CATEGORY, PROXY_CATEGORY);
    /** The analysed text fields, which text matches and BM25 scoring search. */
    public static final Set<String> TEXT_FIELDS = Set.of(TITLE, DESCRIPTION);
    /** The vector similarity: dot product, equal to cosine on unit vectors. */
    public static final VectorSimilarityFunction SIMILARITY = VectorSimilarityFunction.DOT_PRODUCT;

    private final IndexSettings settings;

    /**
     * @param settings the vector field's settings; the dimension is checked on every item
     */
    public IndexSchema(IndexSettings settings) {
        this.settings = settings;
    }

    /** @return the settings this schema checks items against */
    public IndexSettings settings() {
        return settings;
    }

    /**
     * The index sort of an index {@link IndexSettings#sortedByCategory() sorted by category}: the category's
     * sorted-set doc values (one value per item, which {@link #document} guarantees), items without a category
     * last. Each category is then one contiguous run of doc ids in every segment, and so of vectors.
     *
     * @return the sort, for {@code IndexWriterConfig#setIndexSort}
     */
    public static Sort categorySort() {
        SortedSetSortField byCategory = new SortedSetSortField(CATEGORY, false, SortedSetSelector.Type.MIN);
        byCategory.setMissingValue(SortField.STRING_LAST);
        return new Sort(byCategory);
    }

    /**
     * @param field a field name, as a term filter names it
     * @return whether term filters may name it: a keyword field ({@link #KEYWORD_FIELDS}) or a catalogue field
     *         {@value #FIELD_PREFIX}{@code name}
     */
    public static boolean isTermFilterable(String field) {
        return field != null && (KEYWORD_FIELDS.contains(field)
                || field.startsWith(FIELD_PREFIX) && field.length() > FIELD_PREFIX.length());
    }

    /**
     * The analyser of the text fields, for indexing and for queries alike. The caller closes it.
     *
     * @return a new {@link StandardAnalyzer} with no stop words
     */
    public static Analyzer newAnalyzer() {
        return new StandardAnalyzer();
    }

    /**
     * Checks an item and builds its document. Costs O(dimension + text length).
     *
     * @param item       the item
     * @param assignment its proxy assignment, or {@code null} while the index has no categories
     * @return the document
     * @throws SearchInputException naming the item id and field when the id is missing or empty, the vector
     *                              is missing, of the wrong dimension, non-finite or not of unit length, or an
     *                              other field has an empty name
     */
    public Document document(IndexedItem item, ProxyAssignment assignment) {
        String id = validate(item);
        Document doc = new Document();
        doc.add(new KeywordField(ID, id, Field.Store.YES));
        doc.add(new KnnFloatVectorField(VECTOR, item.vector(), SIMILARITY));
        if (item.category() != null && !item.category().isEmpty()) {
            doc.add(new KeywordField(CATEGORY, item.category(), Field.Store.YES));
        }
        doc.add(new TextField(TITLE, orEmpty(item.title()), Field.Store.YES));
        doc.add(new TextField(DESCRIPTION, orEmpty(item.description()), Field.Store.YES));
        if (item.image() != null) {
            doc.add(new StoredField(IMAGE, item.image()));
        }
        for (Map.Entry<String, String> field : item.fields().entrySet()) {
            String name = FIELD_PREFIX + field.getKey();
            String value = field.getValue();
            doc.add(fitsOneTerm(value) ? new StringField(name, value, Field.Store.YES) : new StoredField(name, value));
        }
        if (assignment != null) {
            doc.add(new KeywordField(PROXY_CATEGORY, assignment.category(), Field.Store.YES));
            doc.add(new BinaryDocValuesField(PROXY_DISTRIBUTION,
                    StoredDistribution.encode(assignment.generation(), assignment.distribution())));
        }
        return doc;
    }

    /**
     * Checks an item without building its document: run this before computing anything from its vector.
     * Costs O(dimension + number of fields).
     *
     * @param item an item
     * @return its id
     * @throws SearchInputException naming the item id and field when the id is missing or empty, the vector
     *                              is missing, of the wrong dimension, non-finite or not of unit length, or an
     *                              other field has an empty name
     */
    public String validate(IndexedItem item) {
        if (item.id() == null || item.id().isBlank()) {
            throw new SearchInputException("item field " + ID, "is missing or empty; every item needs an id");
        }
        String id = item.id();
        UnitVectors.requireUnit("item " + id + " field " + VECTOR, item.vector(), settings.dimension());
        for (String name : item.fields().keySet()) {
            if (name.isBlank()) {
                throw new SearchInputException("item " + id + " field '" + name + "'", "other fields need a name");
            }
        }
        return id;
    }

    private static boolean fitsOneTerm(String value) {
        return UnicodeUtil.calcUTF16toUTF8Length(value, 0, value.length()) <= IndexWriter.MAX_TERM_LENGTH;
    }

    private static String orEmpty(String s) {
        return s == null ? "" : s;
    }
}
