package dev.lookalike.analyzer.eval;

/**
 * Ranks the gallery for one query at a time and measures where the relevant items (same label) land. One
 * instance per worker thread: it owns scratch arrays of one similarity and one key per gallery item, reused
 * across queries.
 *
 * <p>Per query it costs one dot product per gallery item (computed a dimension at a time, in SIMD), a linear-time selection of the top R, and a sort of
 * those R keys. Recall@K and MRR need only the rank of the first relevant item, which the sorted top R gives
 * whenever it holds a relevant item; otherwise one more linear pass counts the items ranked above the best
 * relevant one.
 */
final class QueryRanker {

    private final UnitVectors gallery;
    private final int[] galleryLabels;
    private final float[] transposedGallery;
    private final float[] similarities;
    private final long[] keys;

    /**
     * @param gallery       the gallery to rank, shared and not copied
     * @param galleryLabels one label per gallery vector
     * @param transposedGallery the gallery as {@link UnitVectors#transposed()} gives it, shared
     */
    QueryRanker(UnitVectors gallery, int[] galleryLabels, float[] transposedGallery) {
        this.gallery = gallery;
        this.galleryLabels = galleryLabels;
        this.transposedGallery = transposedGallery;
        this.similarities = new float[gallery.count()];
        this.keys = new long[gallery.count()];
    }

    /**
     * Ranks the gallery for one query and writes its outcome at {@code slot}.
     *
     * @param queries       the query vectors
     * @param query         which of them
     * @param label         its label
     * @param leftOut       the gallery index to leave out of the ranking, or {@code -1}
     * @param relevantCount R: the number of gallery items with the query's label, not counting the left-out
     *                      one; must be at least 1
     * @param outcomes      where to write the result
     * @param slot          the index to write at
     */
    void rank(UnitVectors queries, int query, int label, int leftOut, int relevantCount,
              QueryOutcomes outcomes, int slot) {
        gallery.similaritiesTo(queries.values(), query * gallery.dimension(), transposedGallery, similarities);
        int length = 0;
        long bestRelevantKey = Long.MAX_VALUE;
        for (int item = 0; item < keys.length; item++) {
            if (item == leftOut) {
                continue;
            }
            long key = RankingKeys.key(similarities[item], item);
            keys[length++] = key;
            if (galleryLabels[item] == label && key < bestRelevantKey) {
                bestRelevantKey = key;
            }
        }
        RankingKeys.selectSmallestSorted(keys, length, relevantCount);

        int firstRelevantRank = 0;
        int relevantSoFar = 0;
        double precisionSum = 0;
        for (int rank = 1; rank <= relevantCount; rank++) {
            if (galleryLabels[RankingKeys.index(keys[rank - 1])] == label) {
                relevantSoFar++;
                precisionSum += (double) relevantSoFar / rank;
                if (firstRelevantRank == 0) {
                    firstRelevantRank = rank;
                }
            }
        }
        if (firstRelevantRank == 0) {
            firstRelevantRank = 1 + countBelow(bestRelevantKey, length);
        }
        outcomes.record(slot, firstRelevantRank, precisionSum / relevantCount);
    }

    private int countBelow(long bound, int length) {
        int count = 0;
        for (int i = 0; i < length; i++) {
            if (keys[i] < bound) {
                count++;
            }
        }
        return count;
    }
}
