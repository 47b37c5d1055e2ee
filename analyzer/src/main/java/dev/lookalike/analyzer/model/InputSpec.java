package dev.lookalike.analyzer.model;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * What the network expects as input, stored in the bundle's spec so that no size or normalisation is a
 * constant in code. The preprocessor reads every step from here.
 *
 * @param width       input width in pixels
 * @param height      input height in pixels
 * @param channels    input channels (1: grey)
 * @param mean        subtracted from each intensity in [0, 1]
 * @param std         each intensity is divided by this after the mean is subtracted
 * @param background  {@code "dark"} when the model was trained on objects on a dark background: every
 *                    image becomes its difference from its own background level (the border's median), so
 *                    a product on white comes out inverted and one on grey or colour light on black
 * @param canonicalize whether to crop the object to its bounding box and fit its longest edge to the
 *                    input size, centred, as Fashion-MNIST's own images were made
 * @param objectThreshold intensity, once the background step is done, above which a pixel counts as object
 *                    when finding the bounding box
 */
public record InputSpec(
        @JsonProperty("width") int width,
        @JsonProperty("height") int height,
        @JsonProperty("channels") int channels,
        @JsonProperty("mean") float mean,
        @JsonProperty("std") float std,
        @JsonProperty("background") String background,
        @JsonProperty("canonicalize") boolean canonicalize,
        @JsonProperty("object_threshold") float objectThreshold) {

    /** Checks the values are usable. */
    public InputSpec {
        if (width < 1 || height < 1) {
            throw new IllegalArgumentException("input size must be positive, got " + width + "x" + height);
        }
        if (channels != 1) {
            throw new IllegalArgumentException("only 1-channel (grey) inputs are supported, got " + channels);
        }
        if (!(std > 0)) {
            throw new IllegalArgumentException("input std must be positive, got " + std);
        }
        if (!"dark".equals(background) && !"any".equals(background)) {
            throw new IllegalArgumentException("input background must be \"dark\" or \"any\", got " + background);
        }
    }

    /** @return the spec of the Fashion-MNIST models: 28x28 grey, objects on black */
    public static InputSpec fashionMnist() {
        return new InputSpec(28, 28, 1, 0.2860f, 0.3530f, "dark", true, 0.08f);
    }

    /** @return the number of floats in one preprocessed input */
    public int size() {
        return width * height * channels;
    }
}
