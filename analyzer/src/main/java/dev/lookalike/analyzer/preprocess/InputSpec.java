package dev.lookalike.analyzer.preprocess;

import com.fasterxml.jackson.annotation.JsonFormat;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import java.util.Objects;

/**
 * What the network expects as input, stored in the bundle's spec so that no size or normalisation is a
 * constant in code. The preprocessor reads every step from here.
 *
 * <p>In {@code spec.json}, {@code mean} and {@code std} are one number (every channel alike, as in the
 * grey bundles) or a list of one number per channel; one value is written back as a number, so a grey
 * bundle's spec reads and writes as it always did.
 *
 * @param width       input width in pixels, 1 to {@value #MAX_SIDE}
 * @param height      input height in pixels, 1 to {@value #MAX_SIDE}
 * @param channels    input channels: 1 (grey) or 3 (red, green, blue)
 * @param mean        subtracted from each intensity in [0, 1]: one value, or one per channel
 * @param std         each intensity is divided by this after the mean is subtracted: one value, or one per
 *                    channel
 * @param background  {@code "dark"} when the model was trained on objects on a dark background: every
 *                    image becomes its difference from its own background level (the border's median, per
 *                    channel), so a product on white comes out inverted and one on grey or colour light on
 *                    black
 * @param canonicalize whether to crop the object to its bounding box and fit its longest edge to the
 *                    input size, centred, as Fashion-MNIST's own images were made
 * @param objectThreshold intensity, once the background step is done, above which a pixel counts as object
 *                    (in any channel) when finding the bounding box
 */
public record InputSpec(
        @JsonProperty("width") int width,
        @JsonProperty("height") int height,
        @JsonProperty("channels") int channels,
        @JsonProperty("mean") @JsonFormat(with = {JsonFormat.Feature.ACCEPT_SINGLE_VALUE_AS_ARRAY,
                JsonFormat.Feature.WRITE_SINGLE_ELEM_ARRAYS_UNWRAPPED}) List<Float> mean,
        @JsonProperty("std") @JsonFormat(with = {JsonFormat.Feature.ACCEPT_SINGLE_VALUE_AS_ARRAY,
                JsonFormat.Feature.WRITE_SINGLE_ELEM_ARRAYS_UNWRAPPED}) List<Float> std,
        @JsonProperty("background") String background,
        @JsonProperty("canonicalize") boolean canonicalize,
        @JsonProperty("object_threshold") float objectThreshold) {

    /** The largest width or height a spec may ask for: beyond it one input alone would take megabytes. */
    public static final int MAX_SIDE = 1024;

    /**
     * Checks the values are usable.
     *
     * @throws IllegalArgumentException naming the {@code input} field at fault and the value expected
     */
    public InputSpec {
        if (width < 1 || height < 1 || width > MAX_SIDE || height > MAX_SIDE) {
            throw new IllegalArgumentException("\"input\" size must be from 1x1 to " + MAX_SIDE + "x" + MAX_SIDE
                    + " pixels (\"width\" x \"height\"), got " + width + "x" + height);
        }
        if (channels != 1 && channels != 3) {
            throw new IllegalArgumentException("\"input\" \"channels\" must be 1 (grey) or 3 (colour: red, green,"
                    + " blue), got " + channels);
        }
        mean = perChannel("mean", mean, channels);
        std = perChannel("std", std, channels);
        if (std.stream().anyMatch(s -> !(s > 0))) {
            throw new IllegalArgumentException("\"input\" \"std\" must be positive, got " + std);
        }
        if (!Float.isFinite(objectThreshold)) {
            throw new IllegalArgumentException("\"input\" \"object_threshold\" must be a finite number, got "
                    + objectThreshold);
        }
        if (!"dark".equals(background) && !"any".equals(background)) {
            throw new IllegalArgumentException("\"input\" \"background\" must be \"dark\" or \"any\", got " + background);
        }
    }

    /**
     * A spec whose mean and std are the same for every channel.
     *
     * @param width           input width in pixels
     * @param height          input height in pixels
     * @param channels        1 or 3
     * @param mean            subtracted from every channel
     * @param std             every channel is divided by this
     * @param background      {@code "dark"} or {@code "any"}
     * @param canonicalize    whether to crop and fit the object
     * @param objectThreshold the object finder's threshold
     */
    public InputSpec(int width, int height, int channels, float mean, float std, String background,
            boolean canonicalize, float objectThreshold) {
        this(width, height, channels, List.of(mean), List.of(std), background, canonicalize, objectThreshold);
    }

    private static List<Float> perChannel(String field, List<Float> values, int channels) {
        if (values == null || values.isEmpty() || values.stream().anyMatch(Objects::isNull)
                || (values.size() != 1 && values.size() != channels)) {
            throw new IllegalArgumentException("\"input\" \"" + field + "\" must be one number or one per channel ("
                    + channels + "), got " + values);
        }
        if (values.stream().anyMatch(v -> !Float.isFinite(v))) {
            throw new IllegalArgumentException("\"input\" \"" + field + "\" must be finite, got " + values);
        }
        return List.copyOf(values);
    }

    /** @return the spec of the Fashion-MNIST models: 28x28 grey, objects on black */
    public static InputSpec fashionMnist() {
        return new InputSpec(28, 28, 1, 0.2860f, 0.3530f, "dark", true, 0.08f);
    }

    /**
     * @param newWidth    the input width
     * @param newHeight   the input height
     * @param newChannels 1 or 3
     * @return this spec at that size and with that many channels, keeping the rest (a per-channel mean and std
     *         becomes its average when the channels change)
     * @throws IllegalArgumentException if the size or channels are out of range
     */
    public InputSpec resized(int newWidth, int newHeight, int newChannels) {
        List<Float> newMean = newChannels == channels ? mean : List.of(average(mean));
        List<Float> newStd = newChannels == channels ? std : List.of(average(std));
        return new InputSpec(newWidth, newHeight, newChannels, newMean, newStd, background, canonicalize,
                objectThreshold);
    }

    private static float average(List<Float> values) {
        float sum = 0;
        for (float v : values) {
            sum += v;
        }
        return sum / values.size();
    }

    /**
     * @param channel a channel, in [0, channels)
     * @return the mean subtracted from that channel
     */
    public float mean(int channel) {
        return mean.get(mean.size() == 1 ? 0 : channel);
    }

    /**
     * @param channel a channel, in [0, channels)
     * @return the std that channel is divided by
     */
    public float std(int channel) {
        return std.get(std.size() == 1 ? 0 : channel);
    }

    /**
     * @param other another input specification
     * @return whether it has this one's width, height and channels: a network's parameters fit both
     */
    public boolean sameShape(InputSpec other) {
        return width == other.width && height == other.height && channels == other.channels;
    }

    /** @return whether the model takes colour (three channels) */
    public boolean colour() {
        return channels == 3;
    }

    /** @return the number of floats in one preprocessed input */
    public int size() {
        return width * height * channels;
    }
}
