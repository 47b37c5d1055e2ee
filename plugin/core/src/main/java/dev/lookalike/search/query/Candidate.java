package dev.lookalike.search.query;

/** A document being scored: its global doc id and the parts gathered for it so far. Mutable, one search only. */
final class Candidate {

    final int doc;
    double similarity;
    float[] distribution;
    double bm25;
    double score;
    ScoreParts parts;

    Candidate(int doc) {
        this.doc = doc;
    }
}
