package dev.lookalike.search.query;

import dev.lookalike.search.index.IndexSchema;
import java.util.List;
import java.util.Objects;
import org.apache.lucene.search.Query;

/**
 * One condition a result must meet. A query's filters are all applied, inside the HNSW search: Lucene visits
 * only matching documents and falls back to exact search when few match, so {@code k} results come back
 * whenever at least {@code k} documents match.
 */
public sealed interface SearchFilter {

    /**
     * @param field  a keyword field ({@code id}, {@code category} or {@code proxy_category}) or a catalogue
     *               field as {@code field.<name>}, whose whole value must equal one of the values
     * @param values the accepted values; a value no item has simply matches nothing
     * @return a filter accepting items whose field has any of the values
     */
    static SearchFilter terms(String field, List<String> values) {
        return new Terms(field, values);
    }

    /**
     * @param categories the accepted categories
     * @return a filter on the catalogue category
     */
    static SearchFilter categories(String... categories) {
        return new Terms(IndexSchema.CATEGORY, List.of(categories));
    }

    /**
     * @param text words that must all occur in the title or the description (after analysis)
     * @return a text-match filter
     */
    static SearchFilter textMatch(String text) {
        return new TextMatch(text);
    }

    /**
     * @param query any Lucene query; its matches pass, its scores are ignored
     * @return a filter by that query
     */
    static SearchFilter query(Query query) {
        return new LuceneQuery(query);
    }

    /**
     * Items whose keyword field has one of the values.
     *
     * @param field  the field
     * @param values the values
     */
    record Terms(String field, List<String> values) implements SearchFilter {

        /** Copies the values. */
        public Terms {
            values = values == null ? null : List.copyOf(values);
        }
    }

    /**
     * Items whose title or description contain every analysed word of the text.
     *
     * @param text the text
     */
    record TextMatch(String text) implements SearchFilter {
    }

    /**
     * Items matching a Lucene query.
     *
     * @param query the query
     */
    record LuceneQuery(Query query) implements SearchFilter {

        /** Checks the query is present. */
        public LuceneQuery {
            Objects.requireNonNull(query, "query");
        }
    }
}
