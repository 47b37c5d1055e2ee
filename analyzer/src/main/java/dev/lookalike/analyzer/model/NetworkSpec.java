package dev.lookalike.analyzer.model;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/**
 * The embedding network's architecture as stored in the bundle: stages of 3x3 convolutions (each followed
 * by batch normalisation and ReLU), a 2x2 max-pool between stages, then the flattened feature map
 * projected linearly to the embedding, with dropout before the projection while training.
 *
 * @param architecture  the architecture's name; {@value #CONV_STAGES} is the only one so far
 * @param stages        per stage, the output channels of each convolution
 * @param embeddingSize the embedding's dimension
 * @param dropout       dropout rate before the projection during training (no effect at inference)
 */
public record NetworkSpec(
        @JsonProperty("architecture") String architecture,
        @JsonProperty("stages") List<List<Integer>> stages,
        @JsonProperty("embedding_size") int embeddingSize,
        @JsonProperty("dropout") float dropout) {

    /** The architecture built by {@link EmbeddingNetwork}. */
    public static final String CONV_STAGES = "conv-bn-relu-stages";

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
        stages = List.copyOf(stages.stream().map(List::copyOf).toList());
    }

    /** @return the network of the shipped Fashion-MNIST models: 24 | 48 48 | 96 96 channels, 64-d */
    public static NetworkSpec fashionDefault() {
        return new NetworkSpec(CONV_STAGES, List.of(List.of(24), List.of(48, 48), List.of(96, 96)), 64, 0.25f);
    }
}
