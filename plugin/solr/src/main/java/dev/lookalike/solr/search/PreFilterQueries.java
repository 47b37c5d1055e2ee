package dev.lookalike.solr.search;

import dev.lookalike.search.query.VisualSimilarityQuery;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.Query;
import org.apache.solr.search.WrappedQuery;

/**
 * Hands {@code {!image_knn}}'s pre-filters to the search core in the form it searches fastest. A term filter (a
 * {@code category} or keyword {@code fq}) goes as the term query itself: the core reads it from the postings,
 * keeps its bit set per segment in the node's cache and, on a core sorted by category, reads a category as the
 * run of documents it is, so that the exact scan reads those vectors in order. Every other filter goes through
 * Solr's filter cache as {@code {!knn}}'s do. Through the filter cache a category would reach the core as a
 * document set, and its run would be lost. Costs O(filters).
 */
final class PreFilterQueries {

    /** Runs the filters the core does not read itself through Solr's filter cache into one query. */
    @FunctionalInterface
    interface SolrFilters {
        /**
         * @param filters the filters, at least one
         * @return their conjunction, as Solr's searcher processes filters, or {@code null} for none
         * @throws IOException if the searcher fails
         */
        Query processed(List<Query> filters) throws IOException;
    }

    private PreFilterQueries() {
    }

    /**
     * @param chosen the pre-filters that {@code {!knn}}'s rules choose ({@code preFilter}, or the request's
     *               {@code fq}s less or limited to tagged ones)
     * @param solr   how the others are processed
     * @return the conjunction of all, or {@code null} when there is none
     * @throws IOException if Solr's searcher fails
     */
    static Query combine(List<Query> chosen, SolrFilters solr) throws IOException {
        List<Query> terms = new ArrayList<>();
        List<Query> others = new ArrayList<>();
        for (Query filter : chosen) {
            (VisualSimilarityQuery.readsFilterFromTerms(unwrapped(filter)) ? terms : others).add(filter);
        }
        List<Query> parts = new ArrayList<>(terms);
        if (!others.isEmpty()) {
            Query processed = solr.processed(others);
            if (processed != null) {
                parts.add(processed);
            }
        }
        if (parts.isEmpty()) {
            return null;
        }
        if (parts.size() == 1) {
            return parts.getFirst();
        }
        BooleanQuery.Builder all = new BooleanQuery.Builder();
        parts.forEach(part -> all.add(part, BooleanClause.Occur.FILTER));
        return all.build();
    }

    /** A filter with local parameters ({@code {!tag=…}}, {@code {!cache=false}}) comes wrapped. */
    private static Query unwrapped(Query filter) {
        return filter instanceof WrappedQuery wrapped ? wrapped.getWrappedQuery() : filter;
    }
}
