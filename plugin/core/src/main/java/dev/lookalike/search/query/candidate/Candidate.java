package dev.lookalike.search.query.candidate;

/**
 * A document being scored: its global doc id and the parts gathered for it so far. Mutable, one search only.
 * Its similarity is {@code NaN} until known: the nearest-documents search that found it sets it when its score
 * was exact (an exact scan, or a walk over raw vectors), else {@link CandidateReader} computes it from the
 * stored vector. Its fields are open to the steps of one search (finding, reading, fusing, turning into hits),
 * each of which fills in its own part.
 */
public final class Candidate {

    /** The global doc id. */
    public final int doc;
    /** The cosine similarity to the query vector, -1 to 1, or {@code NaN} until known. */
    public double similarity = Double.NaN;
    /** The item's distribution over the proxies' categories, or {@code null} when not re-ranking. */
    public float[] distribution;
    /** The item's exact BM25 score for the query's text, 0 without text or without a match. */
    public double bm25;
    /** The final score, set by fusion. */
    public double score;
    /** What the final score is made of, set by fusion. */
    public ScoreParts parts;

    /** @param doc a global doc id whose similarity is not known yet */
    public Candidate(int doc) {
        this.doc = doc;
    }

    /**
     * @param doc        a global doc id
     * @param similarity its exact cosine similarity to the query vector
     */
    public Candidate(int doc, double similarity) {
        this.doc = doc;
        this.similarity = similarity;
    }
}
