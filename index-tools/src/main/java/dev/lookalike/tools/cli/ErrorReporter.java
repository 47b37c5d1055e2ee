package dev.lookalike.tools.cli;

import dev.lookalike.analyzer.AnalyzerInputException;
import dev.lookalike.search.SearchInputException;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.ParseResult;

/**
 * Turns exceptions from a command into a one-line message on stderr and an exit code a script can trust:
 * {@value #EXIT_BAD_INPUT} for bad input (the analyzer's and the search core's input
 * exceptions, picocli's parameter errors; the message names the input), 1 for anything else (with
 * the stack trace, since that is a bug or an environment problem).
 */
public final class ErrorReporter implements IExecutionExceptionHandler {

    /** Exit code when the input or the options were bad. */
    public static final int EXIT_BAD_INPUT = 2;

    @Override
    public int handleExecutionException(Exception e, CommandLine cli, ParseResult parsed) {
        if (e instanceof AnalyzerInputException || e instanceof SearchInputException
                || e instanceof CommandLine.ParameterException || e instanceof IllegalArgumentException) {
            cli.getErr().println("lookalike " + cli.getCommandName() + ": " + e.getMessage());
            return EXIT_BAD_INPUT;
        }
        cli.getErr().println("lookalike " + cli.getCommandName() + " failed: " + e);
        e.printStackTrace(cli.getErr());
        return 1;
    }
}
