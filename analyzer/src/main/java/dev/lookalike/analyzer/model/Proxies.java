package dev.lookalike.analyzer.model;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/**
 * The learned proxies, one unit vector per class, as stored in the bundle's {@code proxies.json}.
 *
 * @param classes class names, in label order
 * @param vectors one L2-normalised vector per class, in the same order
 */
public record Proxies(
        @JsonProperty("classes") List<String> classes,
        @JsonProperty("vectors") float[][] vectors) {

    /** Checks there is one vector per class and that they share a dimension. */
    public Proxies {
        if (classes.size() != vectors.length) {
            throw new IllegalArgumentException(
                    classes.size() + " classes but " + vectors.length + " proxy vectors");
        }
        for (float[] v : vectors) {
            if (v.length != vectors[0].length) {
                throw new IllegalArgumentException("proxy vectors differ in dimension");
            }
        }
    }

    /** @return the dimension of the proxy vectors */
    public int dimension() {
        return vectors.length == 0 ? 0 : vectors[0].length;
    }
}
