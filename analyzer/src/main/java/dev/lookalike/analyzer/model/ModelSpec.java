package dev.lookalike.analyzer.model;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.lookalike.analyzer.preprocess.InputSpec;
import java.util.List;

/**
 * The bundle's {@code spec.json}: everything needed to rebuild and use the model, and where it came from.
 * The one source of truth for the model's architecture, input and classes.
 *
 * @param formatVersion   the bundle format; a loader refuses any other
 * @param name            the model's name, e.g. {@code fashion}
 * @param network         the architecture
 * @param input           the input specification
 * @param classes         class names, indexed by label; one proxy each
 * @param temperature     the softmax temperature that turns proxy distances into class probabilities
 * @param mirrorAverage   whether an image's embedding is the normalised mean of the network's embeddings of
 *                        the image and of its mirror image (test-time augmentation: steadier embeddings for
 *                        twice the inference); {@code false} in bundles that predate it
 * @param proxyAnchor     the weight, in [0, 1), with which each embedding is pulled towards its expected proxy
 *                        ({@link ProxyAnchor}); 0, as in bundles that predate it, leaves the network's
 *                        embedding as it is
 * @param rerankWeight    the weight of proxy agreement that searches over this model's vectors use when they
 *                        name none, chosen for this model on held-out data; {@code null}: the search's own default
 * @param parameters      the network parameter file and its checksum
 * @param proxies         the proxy file and its checksum
 * @param training        provenance of the training run
 * @param whitening       how the embedding was whitened after training, or {@code null} if it was not
 */
public record ModelSpec(
        @JsonProperty("format_version") int formatVersion,
        @JsonProperty("name") String name,
        @JsonProperty("network") NetworkSpec network,
        @JsonProperty("input") InputSpec input,
        @JsonProperty("classes") List<String> classes,
        @JsonProperty("temperature") float temperature,
        @JsonProperty("mirror_average") boolean mirrorAverage,
        @JsonProperty("proxy_anchor") float proxyAnchor,
        @JsonProperty("rerank_weight") Float rerankWeight,
        @JsonProperty("parameters") FileDigest parameters,
        @JsonProperty("proxies") FileDigest proxies,
        @JsonProperty("training") TrainingProvenance training,
        @JsonProperty("whitening") WhiteningProvenance whitening) {

    /** The bundle format this code reads and writes. */
    public static final int FORMAT_VERSION = 1;

    /**
     * A file of the bundle with its size and SHA-256, so that a truncated or swapped file is caught.
     *
     * @param file   file name inside the bundle directory
     * @param bytes  size in bytes
     * @param sha256 hex SHA-256 of the content
     */
    public record FileDigest(
            @JsonProperty("file") String file,
            @JsonProperty("bytes") long bytes,
            @JsonProperty("sha256") String sha256) {
    }

    /**
     * @param on whether to average with the mirror image
     * @return this spec with mirror averaging on or off
     */
    public ModelSpec withMirrorAverage(boolean on) {
        return new ModelSpec(formatVersion, name, network, input, classes, temperature, on, proxyAnchor, rerankWeight,
                parameters, proxies, training, whitening);
    }

    /**
     * @param weight the proxy anchor weight, in [0, 1); 0 turns anchoring off
     * @return this spec with that anchoring
     * @throws IllegalArgumentException if the weight is out of range
     */
    public ModelSpec withProxyAnchor(float weight) {
        ProxyAnchor.requireWeight("proxy anchor weight", weight);
        return new ModelSpec(formatVersion, name, network, input, classes, temperature, mirrorAverage, weight,
                rerankWeight, parameters, proxies, training, whitening);
    }

    /**
     * @param provenance how the embedding was whitened
     * @return this spec recording that whitening
     */
    public ModelSpec withWhitening(WhiteningProvenance provenance) {
        return new ModelSpec(formatVersion, name, network, input, classes, temperature, mirrorAverage, proxyAnchor,
                rerankWeight, parameters, proxies, training, provenance);
    }

    /**
     * @param provenance what the bundle was trained on and how
     * @return this spec recording it
     */
    public ModelSpec withTraining(TrainingProvenance provenance) {
        return new ModelSpec(formatVersion, name, network, input, classes, temperature, mirrorAverage, proxyAnchor,
                rerankWeight, parameters, proxies, provenance, whitening);
    }

    /** @return the embedding dimension */
    public int embeddingSize() {
        return network.embeddingSize();
    }
}
