package dev.lookalike.analyzer.model;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * How a bundle's embedding was whitened after training: the data its mean and covariance were fitted on and
 * the shrinkage towards isotropy. The whitening itself is folded into the network's projection layer, so this
 * record only tells where the bundle came from (and that it must not be whitened a second time).
 *
 * @param dataset   the images the whitening was fitted on, e.g. {@code fashion-mnist train}
 * @param images    how many images of the model's classes it was fitted on
 * @param shrinkage the floor added to every variance, as a fraction of the largest one
 * @param fittedAt  when, ISO-8601
 */
public record WhiteningProvenance(
        @JsonProperty("dataset") String dataset,
        @JsonProperty("images") int images,
        @JsonProperty("shrinkage") float shrinkage,
        @JsonProperty("fitted_at") String fittedAt) {
}
