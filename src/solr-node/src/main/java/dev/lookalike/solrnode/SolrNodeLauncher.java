package dev.lookalike.solrnode;

import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The launcher's entry point: {@code node}, {@code zookeeper} and {@code cloud}, each a subcommand class. Every
 * server listens on 127.0.0.1 only and prints its address on standard output once it answers, one line each;
 * logs go to standard error. Exit status: 0 after a clean stop, 1 on an unexpected failure, 2 on bad input
 * ({@link LaunchException}) or bad usage.
 */
@Command(name = "solr-node", mixinStandardHelpOptions = true,
        description = "Runs Solr 10 from Maven Central's jars, on 127.0.0.1, for trying Lookalike's "
                + "Solr plug-in and for its tests.",
        subcommands = {NodeCommand.class, ZooKeeperCommand.class, CloudCommand.class})
public final class SolrNodeLauncher implements Callable<Integer> {

    /** Exit status for bad input or usage. */
    static final int BAD_INPUT = 2;

    /**
     * @param args a subcommand and its options; {@code --help} lists them
     */
    public static void main(String[] args) {
        System.exit(commandLine().execute(args));
    }

    /** @return the launcher's command line, with its exit-code mapping */
    static CommandLine commandLine() {
        CommandLine cli = new CommandLine(new SolrNodeLauncher());
        cli.setExitCodeExceptionMapper(e -> e instanceof LaunchException ? BAD_INPUT : 1);
        cli.setExecutionExceptionHandler((e, line, parsed) -> {
            if (e instanceof LaunchException) {
                line.getErr().println("solr-node: " + e.getMessage());
                return BAD_INPUT;
            }
            throw e;
        });
        return cli;
    }

    @Override
    public Integer call() {
        CommandLine.usage(this, System.err);
        return BAD_INPUT;
    }
}
