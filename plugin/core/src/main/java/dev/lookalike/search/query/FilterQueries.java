package dev.lookalike.search.query;

import dev.lookalike.search.SearchInputException;
import dev.lookalike.search.index.IndexSchema;
import java.util.List;
import java.util.TreeSet;
import org.apache.lucene.document.KeywordField;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermInSetQuery;
import org.apache.lucene.util.BytesRef;

/**
 * Turns a query's {@link SearchFilter}s into one Lucene filter query, checking each against the schema.
 * Costs O(number of values).
 */
final class FilterQueries {

    private FilterQueries() {
    }

    /**
     * @param filters     the filters, all of which must hold
     * @param excludedId  an id to leave out of the results, or {@code null}
     * @return the conjunction as a Lucene query, or {@code null} when nothing is filtered
     * @throws SearchInputException naming the filter field when a terms filter names a field that is neither a
     *                              keyword field nor a catalogue field, or has no values, or a text match has
     *                              no searchable word
     */
    static Query compile(List<SearchFilter> filters, String excludedId) {
        if (filters.isEmpty() && excludedId == null) {
            return null;
        }
        BooleanQuery.Builder all = new BooleanQuery.Builder();
        all.add(new MatchAllDocsQuery(), BooleanClause.Occur.FILTER);
        for (SearchFilter filter : filters) {
            all.add(compile(filter), BooleanClause.Occur.FILTER);
        }
        if (excludedId != null) {
            all.add(KeywordField.newExactQuery(IndexSchema.ID, excludedId), BooleanClause.Occur.MUST_NOT);
        }
        return all.build();
    }

    private static Query compile(SearchFilter filter) {
        return switch (filter) {
            case SearchFilter.Terms terms -> terms(terms);
            case SearchFilter.TextMatch match -> TextQueries.everyWord("query filter text", match.text());
            case SearchFilter.LuceneQuery query -> query.query();
        };
    }

    private static Query terms(SearchFilter.Terms terms) {
        String field = terms.field();
        if (!IndexSchema.isTermFilterable(field)) {
            throw new SearchInputException("query filter field " + field, "is not a filterable field; expected one of "
                    + new TreeSet<>(IndexSchema.KEYWORD_FIELDS) + " or " + IndexSchema.FIELD_PREFIX
                    + "<name> for a catalogue field");
        }
        if (terms.values() == null || terms.values().isEmpty()) {
            throw new SearchInputException("query filter field " + field, "has no values to match");
        }
        List<BytesRef> values = terms.values().stream().map(BytesRef::new).toList();
        // Catalogue fields have postings but no doc values, which KeywordField's set query would also consult.
        return IndexSchema.KEYWORD_FIELDS.contains(field) ? KeywordField.newSetQuery(field, values)
                : new TermInSetQuery(field, values);
    }
}
