package dev.lookalike.solrnode;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicReference;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code cloud}: a local SolrCloud: ZooKeeper in this JVM ({@link EmbeddedZooKeeper}) and N nodes, each in its own
 * JVM ({@link NodeProcess}), so that one can be killed alone. It creates the chroot {@value #CHROOT}, uploads the
 * configsets, starts the nodes at once and prints the ZooKeeper address and every node's URL, one line each,
 * once all answer. Enter, SIGTERM or Ctrl-C stops the nodes (each cleanly) and then ZooKeeper; a folder it
 * created itself (no {@code --dir}) is then deleted.
 */
@Command(name = "cloud", mixinStandardHelpOptions = true,
        description = "Starts ZooKeeper and N Solr nodes (each its own JVM) on 127.0.0.1 and prints their addresses; "
                + "Enter, SIGTERM or Ctrl-C stops them all.")
final class CloudCommand implements Callable<Integer> {

    /** The ZooKeeper chroot the cloud's nodes share. */
    static final String CHROOT = "/solr";

    @Option(names = "--nodes", defaultValue = "3", description = "How many nodes (default: ${DEFAULT-VALUE}).")
    int nodes;

    @Option(names = "--zk-port", defaultValue = "0", description = "ZooKeeper's client port; 0 picks a free one "
            + "(default: ${DEFAULT-VALUE}).")
    int zkPort;

    @Option(names = "--port", defaultValue = "0", description = "The first node's HTTP port, the others follow it; "
            + "0 picks free ones (default: ${DEFAULT-VALUE}).")
    int port;

    @Option(names = "--dir", paramLabel = "DIR", description = "Folder for ZooKeeper's data, the nodes' homes and logs"
            + " (node-N.log). Default: a new temporary folder, deleted at stop.")
    Path dir;

    @Option(names = "--plugin", paramLabel = "ZIP", description = "Plug-in zip to install on every node.")
    Path plugin;

    @Option(names = "--configset", paramLabel = "DIR",
            description = "Configset folder to upload to ZooKeeper, named after the folder. Repeatable.")
    List<Path> configSets = new ArrayList<>();

    @Option(names = "--heap", defaultValue = "512m", description = "Each node's heap, as for -Xmx "
            + "(default: ${DEFAULT-VALUE}).")
    String heap;

    @Override
    public Integer call() throws Exception {
        if (nodes < 1) {
            throw new LaunchException("--nodes " + nodes + ": expected 1 or more");
        }
        boolean temporary = dir == null;
        Path base = (temporary ? Files.createTempDirectory("lookalike-solr-cloud-") : dir).toAbsolutePath();
        Files.createDirectories(base);
        List<NodeProcess> processes = new ArrayList<>();
        AtomicReference<EmbeddedZooKeeper> zooKeeper = new AtomicReference<>();
        // Registered first, so that a signal during start-up, or a failed start, still cleans up.
        Runtime.getRuntime().addShutdownHook(new Thread(
                () -> stop(processes, zooKeeper.get(), temporary ? base : null), "solr-cloud-stop"));
        EmbeddedZooKeeper zk = EmbeddedZooKeeper.start(zkPort, base.resolve("zookeeper"));
        zooKeeper.set(zk);
        String zkHost = zk.address() + CHROOT;
        ConfigSets.ensureChroot(zkHost);
        for (Path configSet : configSets) {
            String name = ConfigSets.upload(zkHost, configSet);
            System.err.println("configset " + name + " from " + configSet + " is in ZooKeeper");
        }
        for (int i = 0; i < nodes; i++) {
            List<String> args = new ArrayList<>(List.of("--home", base.resolve("node-" + i).toString(),
                    "--port", Integer.toString(port == 0 ? 0 : port + i), "--zk", zkHost));
            if (plugin != null) {
                args.addAll(List.of("--plugin", plugin.toAbsolutePath().toString()));
            }
            synchronized (processes) {
                processes.add(NodeProcess.start(heap, args, base.resolve("node-" + i + ".log")));
            }
        }
        System.out.println(ZooKeeperCommand.READY + zkHost);
        for (NodeProcess process : processes) {
            System.out.println(NodeCommand.READY + process.awaitUrl(LocalSolrNode.STARTUP_TIMEOUT));
        }
        System.out.println("SolrCloud of " + nodes + " nodes is up; Enter, SIGTERM or Ctrl-C stops it.");
        System.out.flush();
        awaitEnter();
        return 0;
    }

    /** Returns on a line from standard input; at its end (no terminal, </dev/null) waits for a signal instead. */
    private static void awaitEnter() throws InterruptedException {
        try {
            BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
            if (in.readLine() != null) {
                return;
            }
        } catch (IOException e) {
            // No usable standard input: only a signal stops the cloud.
        }
        Thread.currentThread().join();
    }

    private static void stop(List<NodeProcess> processes, EmbeddedZooKeeper zk, Path temporary) {
        List<NodeProcess> all;
        synchronized (processes) {
            all = List.copyOf(processes);
        }
        // All at once: each node takes a few seconds to leave, and they do not depend on each other.
        all.forEach(NodeProcess::requestStop);
        all.forEach(NodeProcess::close);
        if (zk != null) {
            zk.close();
        }
        if (temporary != null) {
            try {
                SolrHome.deleteTree(temporary);
            } catch (IOException e) {
                System.err.println("could not delete " + temporary + ": " + e);
            }
        }
    }
}
