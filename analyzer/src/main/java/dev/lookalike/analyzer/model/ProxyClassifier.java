package dev.lookalike.analyzer.model;

/**
 * Turns an embedding into a distribution over classes through the proxies: the softmax of negative
 * squared distances to each proxy divided by the temperature, as in the Proxy-NCA++ loss the model was
 * trained with. Immutable and thread-safe; costs O(classes x dimension) per vector.
 */
public final class ProxyClassifier {

    private final Proxies proxies;
    private final float temperature;

    /**
     * @param proxies     one unit vector per class
     * @param temperature the softmax temperature (positive)
     */
    public ProxyClassifier(Proxies proxies, float temperature) {
        if (!(temperature > 0)) {
            throw new IllegalArgumentException("temperature must be positive, got " + temperature);
        }
        this.proxies = proxies;
        this.temperature = temperature;
    }

    /**
     * @param embedding a unit vector of the proxies' dimension
     * @return the probability of each class, summing to 1
     */
    public float[] probabilities(float[] embedding) {
        float[][] p = proxies.vectors();
        double[] logits = new double[p.length];
        double max = Double.NEGATIVE_INFINITY;
        for (int c = 0; c < p.length; c++) {
            // ||x - p||^2 = 2 - 2 x.p for unit vectors.
            logits[c] = -(2 - 2 * VectorMath.dot(embedding, p[c])) / temperature;
            max = Math.max(max, logits[c]);
        }
        double sum = 0;
        for (int c = 0; c < p.length; c++) {
            logits[c] = Math.exp(logits[c] - max);
            sum += logits[c];
        }
        float[] out = new float[p.length];
        for (int c = 0; c < p.length; c++) {
            out[c] = (float) (logits[c] / sum);
        }
        return out;
    }

    /**
     * @param embedding a unit vector of the proxies' dimension
     * @return the most probable class and its probability
     */
    public Prediction predict(float[] embedding) {
        return mostProbable(probabilities(embedding));
    }

    /**
     * @param probs a distribution over the classes, as {@link #probabilities} gives
     * @return the most probable class and its probability
     */
    public Prediction mostProbable(float[] probs) {
        int best = 0;
        for (int c = 1; c < probs.length; c++) {
            if (probs[c] > probs[best]) {
                best = c;
            }
        }
        return new Prediction(best, proxies.classes().get(best), probs[best]);
    }

    /**
     * A predicted class.
     *
     * @param label       the class index
     * @param name        the class name
     * @param probability its probability under the proxy softmax
     */
    public record Prediction(int label, String name, float probability) {
    }
}
