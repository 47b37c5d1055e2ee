package dev.lookalike.tools;

import dev.lookalike.tools.cli.ErrorReporter;
import dev.lookalike.tools.command.CatalogueCommand;
import dev.lookalike.tools.command.DemoCommand;
import dev.lookalike.tools.command.EmbedCommand;
import dev.lookalike.tools.command.EvalCommand;
import dev.lookalike.tools.command.ExportProjectorCommand;
import dev.lookalike.tools.command.IndexCommand;
import dev.lookalike.tools.command.SearchCommand;
import dev.lookalike.tools.command.TrainCommand;
import dev.lookalike.tools.command.WhitenCommand;
import dev.lookalike.tools.command.bench.BenchCommand;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code lookalike} command line: the entry point that dispatches to one class per subcommand. Exit
 * codes: 0 success, 1 the command ran but failed (or skipped inputs where it was told not to), 2 bad usage
 * or bad input.
 */
@Command(name = "lookalike",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = "Visual-similarity search for catalogues: train, embed and evaluate Proxy-NCA image embeddings; build and search indexes.",
        subcommands = {
            TrainCommand.class,
            WhitenCommand.class,
            EmbedCommand.class,
            EvalCommand.class,
            BenchCommand.class,
            DemoCommand.class,
            CatalogueCommand.class,
            IndexCommand.class,
            SearchCommand.class,
            ExportProjectorCommand.class,
            CommandLine.HelpCommand.class
        })
public final class LookalikeCommand {

    /** The subcommands as {@code --help} lists them: by what a user sets out to do. */
    static final Map<String, List<String>> GROUPS = groups();

    /** Exit code when the input or the options were bad. */
    public static final int EXIT_BAD_INPUT = ErrorReporter.EXIT_BAD_INPUT;

    private static Map<String, List<String>> groups() {
        Map<String, List<String>> groups = new LinkedHashMap<>();
        groups.put("Build an index", List.of("catalogue", "embed", "index"));
        groups.put("Search", List.of("search", "demo"));
        groups.put("Evaluate", List.of("eval", "export-projector"));
        groups.put("Train", List.of("train", "whiten"));
        groups.put("Benchmark", List.of("bench"));
        groups.put("Help", List.of("help"));
        return groups;
    }

    /**
     * Runs the command line and exits with its code.
     *
     * @param args the arguments
     */
    public static void main(String[] args) {
        System.exit(commandLine().execute(args));
    }

    /** @return the configured command line, for tests and for {@link #main} */
    public static CommandLine commandLine() {
        CommandLine cli = new CommandLine(new LookalikeCommand());
        cli.setExecutionExceptionHandler(new ErrorReporter());
        cli.getHelpSectionMap().put(CommandLine.Model.UsageMessageSpec.SECTION_KEY_COMMAND_LIST, new GroupedCommandList(GROUPS));
        return cli;
    }
}
