package dev.lookalike.tools;

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

    /** Exit code when the input or the options were bad. */
    public static final int EXIT_BAD_INPUT = 2;

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
        return cli;
    }
}
