package dev.lookalike.analyzer.model;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/**
 * The embedding network's architecture as stored in the bundle: stages of 3x3 convolutions (each followed
 * by batch normalisation and ReLU), a 2x2 max-pool between stages, then a head that turns the last feature
 * map into one vector (flattened, or averaged over the image) projected linearly to the embedding, with dropout
 * before the projection while training.
 *
 * @param architecture  the architecture's name; {@value #CONV_STAGES} is the only one so far
 * @param stages        per stage, the output channels of each convolution
 * @param embeddingSize the embedding's dimension
 * @param dropout       dropout rate before the projection during training (no effect at inference)
 * @param head          how the last feature map becomes one vector: {@value #FLATTEN_HEAD} (every position
 *                      of it, so the projection's size grows with the input's area: the grey bundles' head, and
 *                      the one a spec without {@code head} means) or {@value #GLOBAL_AVERAGE_HEAD} (each
 *                      channel averaged over the map, so the projection's size is the last stage's channels
 *                      whatever the input size: cheap for large inputs, blind to where in the image a
 *                      feature is)
 */
public record NetworkSpec(
        @JsonProperty("architecture") String architecture,
        @JsonProperty("stages") List<List<Integer>> stages,
        @JsonProperty("embedding_size") int embeddingSize,
        @JsonProperty("dropout") float dropout,
        @JsonProperty("head") String head) {

    /** The architecture built by {@link EmbeddingNetwork}. */
    public static final String CONV_STAGES = "conv-bn-relu-stages";

    /** The head that flattens the last feature map. */
    public static final String FLATTEN_HEAD = "flatten";

    /** The head that averages each channel of the last feature map over the image. */
    public static final String GLOBAL_AVERAGE_HEAD = "global-average";

    /** Checks the values are usable. */
    public NetworkSpec {
        if (!CONV_STAGES.equals(architecture)) {
            throw new IllegalArgumentException("unknown architecture \"" + architecture + "\", expected " + CONV_STAGES);
        }
        if (stages == null || stages.isEmpty() || stages.stream().anyMatch(s -> s.isEmpty())) {
            throw new IllegalArgumentException("the network needs at least one stage of at least one convolution");
        }
        if (embeddingSize < 1) {
            throw new IllegalArgumentException("embedding size must be positive, got " + embeddingSize);
        }
        if (!(dropout >= 0 && dropout < 1)) {
            throw new IllegalArgumentException("dropout must be in [0, 1), got " + dropout);
        }
        if (head == null) {
            head = FLATTEN_HEAD;
        }
        if (!FLATTEN_HEAD.equals(head) && !GLOBAL_AVERAGE_HEAD.equals(head)) {
            throw new IllegalArgumentException("\"network\" \"head\" must be \"" + FLATTEN_HEAD + "\" or \""
                    + GLOBAL_AVERAGE_HEAD + "\", got \"" + head + "\"");
        }
        stages = List.copyOf(stages.stream().map(List::copyOf).toList());
    }

    /**
     * A network with the flatten head, as every bundle made before heads could be chosen.
     *
     * @param architecture  {@value #CONV_STAGES}
     * @param stages        per stage, the output channels of each convolution
     * @param embeddingSize the embedding's dimension
     * @param dropout       dropout rate before the projection during training
     */
    public NetworkSpec(String architecture, List<List<Integer>> stages, int embeddingSize, float dropout) {
        this(architecture, stages, embeddingSize, dropout, FLATTEN_HEAD);
    }

    /**
     * @param newHead {@value #FLATTEN_HEAD} or {@value #GLOBAL_AVERAGE_HEAD}
     * @return this network with that head
     */
    public NetworkSpec withHead(String newHead) {
        return new NetworkSpec(architecture, stages, embeddingSize, dropout, newHead);
    }

    /** @return whether the head averages the last feature map over the image */
    public boolean globalAverageHead() {
        return GLOBAL_AVERAGE_HEAD.equals(head);
    }

    /** @return the network of the shipped Fashion-MNIST models: 24 | 48 48 | 96 96 channels, 64-d */
    public static NetworkSpec fashionDefault() {
        return new NetworkSpec(CONV_STAGES, List.of(List.of(24), List.of(48, 48), List.of(96, 96)), 64, 0.25f);
    }
}
