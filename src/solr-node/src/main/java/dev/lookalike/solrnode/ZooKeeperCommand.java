package dev.lookalike.solrnode;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code zookeeper}: a standalone ZooKeeper server in this JVM ({@link EmbeddedZooKeeper}) until SIGTERM or
 * SIGINT. Prints {@value #READY} followed by its address once it accepts connections.
 */
@Command(name = "zookeeper", mixinStandardHelpOptions = true,
        description = "Starts a standalone ZooKeeper server on 127.0.0.1 and prints its address; SIGTERM or Ctrl-C "
                + "stops it.")
final class ZooKeeperCommand implements Callable<Integer> {

    /** What the line with the server's address starts with; scripts and tests wait for it. */
    static final String READY = "ZooKeeper listening at ";

    @Option(names = "--port", defaultValue = "2181",
            description = "Client port; 0 picks a free one (default: ${DEFAULT-VALUE}).")
    int port;

    @Option(names = "--data", paramLabel = "DIR",
            description = "Data folder, created if missing. Default: a new temporary folder, deleted at stop.")
    Path data;

    @Override
    public Integer call() throws Exception {
        boolean temporary = data == null;
        Path dir = temporary ? Files.createTempDirectory("lookalike-zookeeper-") : data;
        EmbeddedZooKeeper zk = EmbeddedZooKeeper.start(port, dir);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            zk.close();
            if (temporary) {
                try {
                    SolrHome.deleteTree(dir);
                } catch (java.io.IOException e) {
                    System.err.println("could not delete " + dir + ": " + e);
                }
            }
        }, "zookeeper-stop"));
        System.out.println(READY + zk.address());
        System.out.flush();
        Thread.currentThread().join();
        return 0;
    }
}
