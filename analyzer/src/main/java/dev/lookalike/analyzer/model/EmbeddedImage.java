package dev.lookalike.analyzer.model;

/**
 * What the node makes of one image.
 *
 * @param vector    the unit embedding
 * @param predicted the most probable category under the model's proxies
 */
public record EmbeddedImage(float[] vector, ProxyClassifier.Prediction predicted) {
}
