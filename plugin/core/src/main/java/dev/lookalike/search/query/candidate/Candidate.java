package dev.lookalike.search.query;

/**
 * A document being scored: its global doc id and the parts gathered for it so far. Mutable, one search only.
 * Its similarity is {@code NaN} until known: the search that found it sets it when its score was exact
 * ({@link WalkScores}), else {@link CandidateReader} computes it from the stored vector.
 */
final class Candidate {

    final int doc;
    double similarity = Double.NaN;
    float[] distribution;
    double bm25;
    double score;
    ScoreParts parts;

    Candidate(int doc) {
        this.doc = doc;
    }

    Candidate(int doc, double similarity) {
        this.doc = doc;
        this.similarity = similarity;
    }
}
