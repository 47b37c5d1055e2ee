package dev.lookalike.solrnode;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicReference;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code node}: one Solr node in this JVM, standalone or joining a SolrCloud, until SIGTERM or SIGINT.
 *
 * <p>It lays out the home ({@link SolrHome}), installs the plug-in zip's jars into {@code <home>/lib}, makes the
 * configsets available (copied into {@code <home>/configsets} for a standalone node, uploaded to ZooKeeper for a
 * cloud node), starts the node ({@link LocalSolrNode}) and prints {@value #READY} followed by its URL once it
 * answers. A shutdown hook stops it cleanly; a home it created itself (no {@code --home}) is then deleted.
 */
@Command(name = "node", mixinStandardHelpOptions = true,
        description = "Starts one Solr node on 127.0.0.1 and prints its URL; SIGTERM or Ctrl-C stops it.")
final class NodeCommand implements Callable<Integer> {

    /** What the line with the node's URL starts with; scripts and tests wait for it. */
    static final String READY = "Solr node listening at ";

    @Option(names = "--home", paramLabel = "DIR",
            description = "Solr home, created if missing (solr.xml, lib/, configsets/); an existing solr.xml is kept."
                    + " Default: a new temporary folder, deleted when the node stops.")
    Path home;

    @Option(names = "--port", defaultValue = "8983",
            description = "HTTP port; 0 picks a free one (default: ${DEFAULT-VALUE}).")
    int port;

    @Option(names = "--zk", paramLabel = "HOST:PORT[/CHROOT]",
            description = "Join the SolrCloud whose ZooKeeper is there (the chroot is created if missing) instead of "
                    + "running standalone.")
    String zkHost;

    @Option(names = "--plugin", paramLabel = "ZIP",
            description = "Plug-in zip to install as a user does: its jars into <home>/lib (solr.xml's sharedLib).")
    Path plugin;

    @Option(names = "--configset", paramLabel = "DIR",
            description = "Configset folder (with conf/solrconfig.xml), named after the folder: copied into "
                    + "<home>/configsets, or uploaded to ZooKeeper with --zk. Repeatable.")
    List<Path> configSets = new ArrayList<>();

    @Override
    public Integer call() throws Exception {
        boolean temporary = home == null;
        Path dir = temporary ? Files.createTempDirectory("lookalike-solr-node-") : home;
        AtomicReference<LocalSolrNode> running = new AtomicReference<>();
        // Registered first, so that a signal during start-up, or a failed start, still cleans up.
        Thread stop = new Thread(() -> stop(running.get(), temporary ? dir : null), "solr-node-stop");
        Runtime.getRuntime().addShutdownHook(stop);
        SolrHome solrHome = SolrHome.prepare(dir);
        // Solr warns at start when this is unset; this launcher logs to standard error only, so nothing goes there.
        if (System.getProperty("solr.logs.dir") == null) {
            System.setProperty("solr.logs.dir", solrHome.dir().resolve("logs").toString());
        }
        if (plugin != null) {
            List<String> jars = solrHome.installPlugin(plugin);
            System.err.println("installed " + jars.size() + " jars of " + plugin + " into " + solrHome.lib());
        }
        if (zkHost != null) {
            ConfigSets.ensureChroot(zkHost);
        }
        for (Path configSet : configSets) {
            String name = zkHost == null ? solrHome.addConfigSet(configSet) : ConfigSets.upload(zkHost, configSet);
            System.err.println("configset " + name + " from " + configSet + " is available");
        }
        running.set(LocalSolrNode.start(solrHome, port, zkHost));
        System.out.println(READY + running.get().url());
        System.out.flush();
        Thread.currentThread().join();
        return 0;
    }

    private static void stop(LocalSolrNode node, Path temporaryHome) {
        if (node != null) {
            node.close();
        }
        if (temporaryHome != null) {
            try {
                SolrHome.deleteTree(temporaryHome);
            } catch (IOException e) {
                System.err.println("could not delete " + temporaryHome + ": " + e);
            }
        }
    }
}
