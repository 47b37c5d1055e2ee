package dev.lookalike.analyzer.model;

/**
 * An image's embedding with the class the model predicts for it, as {@link Embedder#embedAndClassifyInputs}
 * makes them: the prediction comes from the network's own embedding, before proxy anchoring, so that its
 * probability is the model's and not sharpened by the anchoring.
 *
 * @param vector     the unit embedding, anchored when the bundle says so
 * @param prediction the most probable class and its probability
 */
public record ClassifiedEmbedding(float[] vector, ProxyClassifier.Prediction prediction) {
}
