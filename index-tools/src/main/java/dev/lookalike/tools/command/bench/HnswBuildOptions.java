package dev.lookalike.tools.command.bench;

import dev.lookalike.search.index.IndexSettings;
import picocli.CommandLine.Option;

/**
 * The HNSW graph settings of the engine benchmarks, which build the engine's index themselves: the same defaults
 * and bounds as the core's {@link IndexSettings}.
 */
final class HnswBuildOptions {

    @Option(names = "--m", defaultValue = "" + IndexSettings.DEFAULT_M, paramLabel = "M",
            description = "HNSW max connections per node. Default: ${DEFAULT-VALUE}.")
    int m;

    @Option(names = "--ef-construction", defaultValue = "" + IndexSettings.DEFAULT_BEAM_WIDTH, paramLabel = "N",
            description = "HNSW beam width while building. Default: ${DEFAULT-VALUE}.")
    int efConstruction;

    /** @throws IllegalArgumentException naming the option that is out of range */
    void validate() {
        if (m < IndexSettings.MIN_M || m > IndexSettings.MAX_M) {
            throw new IllegalArgumentException("--m must be between " + IndexSettings.MIN_M + " and "
                    + IndexSettings.MAX_M + ", got " + m);
        }
        if (efConstruction < 1 || efConstruction > IndexSettings.MAX_BEAM_WIDTH) {
            throw new IllegalArgumentException("--ef-construction must be between 1 and " + IndexSettings.MAX_BEAM_WIDTH
                    + ", got " + efConstruction);
        }
    }
}
