package dev.lookalike.search.query.nearest;

/**
 * The one rule that chooses how a segment is searched ({@link SearchStrategy#AUTO}), from estimated costs in
 * units of one dot product over vectors read in order. The constants come from the measurements in issue 14
 * (Lucene 10.3.2, a million 64-d vectors, one thread): 10,000 matching vectors scored in bulk cost 0.2–0.4 ms
 * when contiguous and 1.1 ms when scattered, hence {@link #SCATTERED_READ}; an unfiltered walk for 100
 * candidates costs about 0.7 ms, about {@link #WALK_PER_CANDIDATE_LOG} units per candidate and natural log of
 * the segment's size. Costs O(1).
 *
 * <ul>
 *   <li>exact scan: {@code matches x (contiguous ? 1 : SCATTERED_READ)};</li>
 *   <li>plain walk: {@code walk(n, count) / pass}, where {@code pass} is the share of the nodes near the
 *       query that the filter keeps: the query's predicted probability of the kept categories (times the pass
 *       rate of the filter's other parts) when the filter is on category and the proxies predict, else the
 *       filter's overall share; the walk must step past the nodes the filter drops;</li>
 *   <li>ACORN walk: {@code ACORN_OVERHEAD x walk(n, count)} whatever the filter keeps, since it steps only
 *       onto matches but reads two hops of neighbours; only considered for a filter whose matches are scattered,
 *       and only when the filter keeps less than half the query's neighbourhood, since with more it loses recall
 *       against the plain walk for no gain. Matches that lie in runs are a category of a sorted segment, a region
 *       of the graph of its own: when the query's neighbourhood lies outside it, the ACORN walk finds no match
 *       within two hops of where it enters level 0 and comes back short (at a million vectors, for most queries
 *       whose category is not the one asked for; measured with {@code bench search}), so those runs are
 *       scanned.</li>
 * </ul>
 * A filter keeping at most {@code count} documents is always scanned: a walk must visit at least that many.
 */
final class SearchCosts {

    /** How much more a vector read from a scattered position costs than one read in order. */
    static final double SCATTERED_READ = 3.5;
    /** Units per candidate and natural log of the segment's size for an unfiltered HNSW walk. */
    static final double WALK_PER_CANDIDATE_LOG = 17;
    /** How much more an ACORN walk costs than an unfiltered plain walk of the same graph. */
    static final double ACORN_OVERHEAD = 2;
    /** Below this share of the query's neighbourhood kept by the filter, ACORN is considered. */
    static final double ACORN_MAX_NEIGHBOURHOOD_PASS = 0.5;

    private SearchCosts() {
    }

    /**
     * @param requested    the query's strategy; anything but {@link SearchStrategy#AUTO} is returned as is
     * @param filtered     whether the search has a filter
     * @param matches      the estimated live documents the filter keeps in the segment (all live ones unfiltered)
     * @param contiguous   whether those documents' vectors lie in runs (a category range of a sorted segment)
     * @param vectors      the number of vectors in the segment
     * @param count        how many nearest documents are wanted
     * @param nearbyPass   the share of the query's neighbourhood the filter keeps, 0 to 1, or {@code NaN} when
     *                     unknown (then the filter's overall share stands in)
     * @return the strategy for this segment: never {@link SearchStrategy#AUTO}
     */
    static SearchStrategy choose(SearchStrategy requested, boolean filtered, long matches, boolean contiguous,
            int vectors, int count, double nearbyPass) {
        if (requested != SearchStrategy.AUTO) {
            return requested;
        }
        if (matches <= count || vectors <= count) {
            return SearchStrategy.EXACT;
        }
        double share = Math.min(1, (double) matches / vectors);
        double pass = Double.isNaN(nearbyPass) ? share : Math.min(1, nearbyPass);
        double exact = matches * (contiguous ? 1 : SCATTERED_READ);
        double walk = WALK_PER_CANDIDATE_LOG * count * Math.log(vectors);
        double plain = walk / Math.max(pass, 1e-9);
        double acorn = filtered && !contiguous && pass < ACORN_MAX_NEIGHBOURHOOD_PASS ? ACORN_OVERHEAD * walk
                : Double.POSITIVE_INFINITY;
        if (exact <= plain && exact <= acorn) {
            return SearchStrategy.EXACT;
        }
        return acorn < plain ? SearchStrategy.ACORN : SearchStrategy.HNSW;
    }
}
