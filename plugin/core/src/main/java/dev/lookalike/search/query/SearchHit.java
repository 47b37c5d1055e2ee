package dev.lookalike.search.query;

import dev.lookalike.search.query.candidate.ScoreParts;
import java.util.Map;

/**
 * One result.
 *
 * @param id                the item's id
 * @param score             the final score; results are sorted by it, highest first
 * @param parts             what the score is made of
 * @param category          the catalogue category, or {@code null}
 * @param predictedCategory the category the proxies assigned when the item was indexed, or {@code null}
 * @param title             the title
 * @param description       the description
 * @param image             the image path relative to the catalogue, or {@code null}
 * @param fields            the catalogue's other fields
 */
public record SearchHit(
        String id,
        double score,
        ScoreParts parts,
        String category,
        String predictedCategory,
        String title,
        String description,
        String image,
        Map<String, String> fields) {

    /** Copies {@code fields}. */
    public SearchHit {
        fields = Map.copyOf(fields);
    }
}
