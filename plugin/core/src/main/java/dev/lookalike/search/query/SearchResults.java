package dev.lookalike.search.query;

import java.util.List;

/**
 * What a search returns.
 *
 * @param hits          at most k results, best first
 * @param queryCategory the category the proxies predict for the query vector (at the re-ranking temperature),
 *                      or {@code null} when the index has no categories
 * @param candidates    how many candidates were scored before cutting to k
 */
public record SearchResults(List<SearchHit> hits, CategoryPrediction queryCategory, int candidates) {

    /** Copies the hits. */
    public SearchResults {
        hits = List.copyOf(hits);
    }
}
