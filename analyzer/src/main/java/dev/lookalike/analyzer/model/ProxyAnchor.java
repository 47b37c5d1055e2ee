package dev.lookalike.analyzer.model;

/**
 * Pulls an embedding towards the proxy its image most likely belongs to: the anchored embedding is the
 * normalised {@code (1 - w)·e + w·Σ_c p(c|e)·proxy_c}, where {@code p(c|e)} is the model's own class
 * distribution ({@link ProxyClassifier}, at the model's temperature) and {@code w} the bundle's
 * {@code proxy_anchor} weight.
 *
 * <p>Why: Proxy-NCA gathers each class around its proxy, but the network leaves the classes' edges loose.
 * Adding the expected proxy moves every image by the same vector as the other images its class is
 * confident about, so items of one class close ranks (tighter clusters, higher MAP@R), while among items
 * that share a class the order of similarity is nearly that of the network alone, since they all move by
 * nearly the same vector. An item the model is unsure of moves towards the mean of its likely proxies and
 * stays between classes. It is the proxies' counterpart of database-side augmentation in image retrieval,
 * done once per vector, so the index and every engine see it without a re-ranking step.
 *
 * <p>It assumes the proxies cover the classes being searched: for a model asked about classes it never saw
 * (the open-set protocol), it would pull unseen items onto the proxies of seen ones, so such bundles leave
 * it off. Immutable and thread-safe; costs O(classes × dimension) per vector.
 */
public final class ProxyAnchor {

    private final ProxyClassifier classifier;
    private final float[][] proxies;
    private final float weight;

    /**
     * @param proxies     one unit vector per class
     * @param temperature the model's softmax temperature (positive)
     * @param weight      the weight of the expected proxy, in [0, 1)
     * @throws IllegalArgumentException if the weight is out of range
     */
    public ProxyAnchor(Proxies proxies, float temperature, float weight) {
        requireWeight("proxy anchor weight", weight);
        this.classifier = new ProxyClassifier(proxies, temperature);
        this.proxies = proxies.vectors();
        this.weight = weight;
    }

    /**
     * @param bundle a model bundle
     * @return the anchoring its spec asks for, with its proxies and temperature (weight 0: none)
     */
    public static ProxyAnchor of(ModelBundle bundle) {
        return new ProxyAnchor(bundle.proxies(), bundle.spec().temperature(), bundle.spec().proxyAnchor());
    }

    /**
     * The one rule for an anchor weight, for every place that takes one (spec, command line).
     *
     * @param input  how to name the weight in the error, e.g. {@code --proxy-anchor}
     * @param weight a proposed weight
     * @throws IllegalArgumentException naming the input if the weight is not in [0, 1): at 1 the embedding
     *                                  would be the expected proxy alone, and items of one class could no
     *                                  longer be told apart
     */
    public static void requireWeight(String input, float weight) {
        if (!(weight >= 0 && weight < 1)) {
            throw new IllegalArgumentException(input + ": expected a weight from 0 to below 1, got " + weight);
        }
    }

    /** @return the weight of the expected proxy; 0 leaves embeddings as the network made them */
    public float weight() {
        return weight;
    }

    /**
     * @param embedding a unit vector of the proxies' dimension
     * @return the anchored unit vector; the same array when the weight is 0
     */
    public float[] apply(float[] embedding) {
        return weight == 0 ? embedding : apply(embedding, classifier.probabilities(embedding));
    }

    /**
     * {@link #apply(float[])} for a caller that already has the embedding's class distribution.
     *
     * @param embedding a unit vector of the proxies' dimension
     * @param p         its distribution over the classes at the model's temperature
     * @return the anchored unit vector; the same array when the weight is 0
     */
    public float[] apply(float[] embedding, float[] p) {
        if (weight == 0) {
            return embedding;
        }
        float[] out = new float[embedding.length];
        for (int i = 0; i < out.length; i++) {
            out[i] = (1 - weight) * embedding[i];
        }
        for (int c = 0; c < p.length; c++) {
            float share = weight * p[c];
            for (int i = 0; i < out.length; i++) {
                out[i] += share * proxies[c][i];
            }
        }
        return VectorMath.normalize(out);
    }
}
