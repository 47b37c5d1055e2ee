package dev.lookalike.search.query.candidate;

import dev.lookalike.search.index.IndexSchema;

/**
 * Which fields of an index a search reads for its candidates.
 *
 * @param vector             the unit vectors
 * @param storedDistribution binary doc values of distributions stored at indexing time, or {@code null}
 * @param category           a keyword field with doc values holding each item's catalogue categories, or
 *                           {@code null} when re-ranking should use only the model's distributions
 */
public record CandidateFields(String vector, String storedDistribution, String category) {

    /** The fields of an index written with {@link IndexSchema}. */
    public static final CandidateFields CORE = new CandidateFields(IndexSchema.VECTOR, IndexSchema.PROXY_DISTRIBUTION,
            IndexSchema.CATEGORY);
}
