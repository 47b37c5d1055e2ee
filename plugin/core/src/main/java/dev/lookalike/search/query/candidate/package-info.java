/**
 * The candidates of one search and what is read for scoring them:
 * {@link dev.lookalike.search.query.candidate.Candidate} (a document being scored, filled in step by step),
 * {@link dev.lookalike.search.query.candidate.CandidateReader} (each candidate's exact similarity, category
 * distribution, from its catalogue categories or the model, and BM25 score, from the
 * {@link dev.lookalike.search.query.candidate.CandidateFields} of an index) and the
 * {@link dev.lookalike.search.query.candidate.ScoreParts} a result's score is made of.
 *
 * <p>May touch Lucene, {@link dev.lookalike.search.index} (the schema) and {@link dev.lookalike.search.proxy}
 * (proxies and stored distributions) only; the other query packages use it, it uses none of them.
 */
package dev.lookalike.search.query.candidate;
