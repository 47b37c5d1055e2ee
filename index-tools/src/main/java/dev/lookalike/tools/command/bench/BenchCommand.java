package dev.lookalike.tools.command.bench;

import picocli.CommandLine.Command;

/** {@code lookalike bench}: benchmarks that print figures. */
@Command(name = "bench", mixinStandardHelpOptions = true,
        description = "Benchmarks that print figures (not timed tests).",
        subcommands = {EmbedBenchCommand.class, SearchBenchCommand.class, OpenSearchBenchCommand.class,
            SolrBenchCommand.class, IngestBenchCommand.class, SoakBenchCommand.class})
public final class BenchCommand {
}
