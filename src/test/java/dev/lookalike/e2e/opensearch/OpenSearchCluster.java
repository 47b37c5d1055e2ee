package dev.lookalike.e2e.opensearch;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;

/**
 * Several real OpenSearch nodes forming one cluster on loopback, every one of them cluster-manager eligible and
 * holding data, each laid out and run as {@link OpenSearchNode} describes. {@link #start} returns once all nodes
 * have joined and the cluster is at least yellow; {@link #close} stops every node that is still running, so call
 * it from {@code @AfterAll} even when a test stopped some of them on purpose.
 */
public final class OpenSearchCluster implements AutoCloseable {

    private final List<OpenSearchNode> nodes;

    private OpenSearchCluster(List<OpenSearchNode> nodes) {
        this.nodes = nodes;
    }

    /**
     * @param distribution an unpacked OpenSearch distribution
     * @param plugins      plug-in zips to install on every node
     * @param settings     extra settings for every node
     * @param size         how many nodes
     * @return the running cluster
     * @throws IOException    if a node cannot be laid out or started
     * @throws AssertionError if the cluster does not form in time; the message holds a log's end
     */
    public static OpenSearchCluster start(Path distribution, List<Path> plugins, Map<String, String> settings,
            int size) throws IOException, InterruptedException {
        return start(distribution, plugins, settings, size, List.of());
    }

    /**
     * @param distribution an unpacked OpenSearch distribution
     * @param plugins      plug-in zips to install on every node
     * @param settings     extra settings for every node
     * @param size         how many nodes
     * @param jvmOptions   JVM options for every node, added after the heap's
     * @return the running cluster
     * @throws IOException    if a node cannot be laid out or started
     * @throws AssertionError if the cluster does not form in time; the message holds a log's end
     */
    public static OpenSearchCluster start(Path distribution, List<Path> plugins, Map<String, String> settings,
            int size, List<String> jvmOptions) throws IOException, InterruptedException {
        int[] http = new int[size];
        int[] transport = new int[size];
        StringJoiner seeds = new StringJoiner(",");
        StringJoiner names = new StringJoiner(",");
        for (int i = 0; i < size; i++) {
            http[i] = FreePort.pick();
            transport[i] = FreePort.pick();
            seeds.add("127.0.0.1:" + transport[i]);
            names.add("e2e-" + i);
        }
        List<OpenSearchNode> nodes = new ArrayList<>();
        OpenSearchCluster cluster = new OpenSearchCluster(nodes);
        try {
            for (int i = 0; i < size; i++) {
                nodes.add(OpenSearchNode.launch(distribution, List.of(), plugins, settings, "e2e-" + i, http[i],
                        transport[i],
                        List.of("-E", "discovery.seed_hosts=" + seeds, "-E",
                                "cluster.initial_cluster_manager_nodes=" + names), jvmOptions));
            }
            nodes.get(0).awaitHealthyOrClose("wait_for_status=yellow&wait_for_nodes=" + size);
            return cluster;
        } catch (IOException | AssertionError | RuntimeException e) {
            cluster.close();
            throw e;
        }
    }

    /**
     * @param i a node's number, from 0
     * @return that node
     */
    public OpenSearchNode node(int i) {
        return nodes.get(i);
    }

    /** @return how many nodes the cluster started with */
    public int size() {
        return nodes.size();
    }

    /** Stops every node; safe to call twice. */
    @Override
    public void close() {
        nodes.forEach(OpenSearchNode::close);
    }
}
