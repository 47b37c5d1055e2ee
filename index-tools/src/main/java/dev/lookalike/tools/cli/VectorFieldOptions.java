package dev.lookalike.tools.cli;

import dev.lookalike.search.index.IndexSettings;
import dev.lookalike.search.index.Quantization;
import picocli.CommandLine.Option;

/**
 * The options that say how a new index builds its HNSW vector field and orders its documents: {@code --m},
 * {@code --beam-width}, {@code --quantize}, {@code --sort-by-category}.
 */
public final class VectorFieldOptions {

    @Option(names = "--m", defaultValue = "" + IndexSettings.DEFAULT_M, paramLabel = "M",
            description = "HNSW max connections per node, 2..512, for a new index. Default: ${DEFAULT-VALUE}.")
    int m;

    @Option(names = "--beam-width", defaultValue = "" + IndexSettings.DEFAULT_BEAM_WIDTH, paramLabel = "N",
            description = "HNSW beam width while building, 1..3200, for a new index. Default: ${DEFAULT-VALUE}.")
    int beamWidth;

    @Option(names = "--quantize", defaultValue = "none", paramLabel = "none|int8",
            description = "How the HNSW field keeps vectors, for a new index. Default: ${DEFAULT-VALUE}.")
    String quantize;

    @Option(names = "--sort-by-category", negatable = true, defaultValue = "true", fallbackValue = "true",
            description = {"Sort a new index by catalogue category, so that category filters become doc-id ranges",
                "of contiguous vectors (see docs/benchmarks.md). Default: on; --no-sort-by-category for an",
                "index in the catalogue's order."})
    boolean sortByCategory;

    /**
     * Checks the options without building settings, so that a command can refuse them before any slow work.
     *
     * @throws IllegalArgumentException naming the option that is out of range or unknown
     */
    public void validate() {
        if (m < IndexSettings.MIN_M || m > IndexSettings.MAX_M) {
            throw new IllegalArgumentException("--m must be between " + IndexSettings.MIN_M + " and "
                    + IndexSettings.MAX_M + ", got " + m);
        }
        if (beamWidth < 1 || beamWidth > IndexSettings.MAX_BEAM_WIDTH) {
            throw new IllegalArgumentException("--beam-width must be between 1 and " + IndexSettings.MAX_BEAM_WIDTH
                    + ", got " + beamWidth);
        }
        quantization();
    }

    /**
     * @param dimension the embedding dimension
     * @return the settings these options give, with one merge worker per core (at most 64)
     * @throws IllegalArgumentException naming the option that is out of range or unknown
     */
    public IndexSettings settings(int dimension) {
        validate();
        return new IndexSettings(dimension, m, beamWidth, quantization(),
                Math.min(64, Runtime.getRuntime().availableProcessors()), sortByCategory);
    }

    /**
     * @return the {@code --quantize} value
     * @throws IllegalArgumentException if it is neither none nor int8
     */
    Quantization quantization() {
        return switch (quantize) {
            case "none" -> Quantization.NONE;
            case "int8" -> Quantization.INT8;
            default -> throw new IllegalArgumentException("--quantize must be none or int8, got '" + quantize + "'");
        };
    }
}
