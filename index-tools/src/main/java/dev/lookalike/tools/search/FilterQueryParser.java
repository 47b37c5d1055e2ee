package dev.lookalike.tools.search;

import dev.lookalike.search.index.IndexSchema;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.index.Term;
import org.apache.lucene.queryparser.classic.ParseException;
import org.apache.lucene.queryparser.classic.QueryParser;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;

/**
 * Parses {@code search --filter-query}: Lucene's classic query syntax over the index's fields, e.g.
 * {@code category:(Sneaker OR Sandal) AND NOT field.colour:red}. Text fields ({@value IndexSchema#TITLE},
 * the default field, and {@value IndexSchema#DESCRIPTION}) are analysed as at indexing time; every other
 * field ({@code id}, {@code category}, {@code proxy_category}, {@code field.<name>}) is a keyword matched
 * whole (quote values with spaces: {@code category:"Ankle boot"}). The query only filters: its scores are
 * ignored.
 */
public final class FilterQueryParser {

    private FilterQueryParser() {
    }

    /**
     * @param text the query text
     * @return the query
     * @throws IllegalArgumentException naming {@code --filter-query} and where the syntax is wrong
     */
    public static Query parse(String text) {
        try (Analyzer analyzer = IndexSchema.newAnalyzer()) {
            return new IndexFieldsParser(analyzer).parse(text);
        } catch (ParseException e) {
            String reason = e.getMessage().lines().findFirst().orElse("syntax error");
            throw new IllegalArgumentException("--filter-query \"" + text + "\": " + reason);
        }
    }

    /** Analyses text fields only; a keyword field's value is one term, as it was indexed. */
    private static final class IndexFieldsParser extends QueryParser {

        IndexFieldsParser(Analyzer analyzer) {
            super(IndexSchema.TITLE, analyzer);
            setAllowLeadingWildcard(false);
        }

        @Override
        protected Query getFieldQuery(String field, String queryText, boolean quoted) throws ParseException {
            return IndexSchema.TEXT_FIELDS.contains(field) ? super.getFieldQuery(field, queryText, quoted)
                    : new TermQuery(new Term(field, queryText));
        }
    }
}
