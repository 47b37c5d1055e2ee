package dev.lookalike.e2e.solr;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * A real SolrCloud on loopback for end-to-end tests: one ZooKeeper server and several {@link SolrNode}s, each in
 * its own JVM, all run by the repository's launcher. {@link #start} uploads the configsets through the first node
 * and returns once every node answers; {@link #createCollection} creates a collection through the Collections
 * API and waits until all its replicas are active. {@link #close} stops every node that is still running and then
 * ZooKeeper, so call it from {@code @AfterAll} even when a test killed some nodes on purpose.
 */
public final class SolrCloud implements AutoCloseable {

    /** The ZooKeeper chroot the nodes share. */
    public static final String CHROOT = "/solr";

    private static final Duration ACTIVE_TIMEOUT = Duration.ofMinutes(2);

    private final LauncherProcess zookeeper;
    private final List<SolrNode> nodes = new ArrayList<>();

    private SolrCloud(LauncherProcess zookeeper) {
        this.zookeeper = zookeeper;
    }

    /**
     * @param size       how many nodes
     * @param plugins    plug-in zips to install on every node
     * @param configSets configset folders to upload to ZooKeeper under their folder's name
     * @return the running cloud
     * @throws IOException    if the launcher is not built or cannot run
     * @throws AssertionError if a server does not answer in time; the message holds its log's end
     */
    public static SolrCloud start(int size, List<Path> plugins, List<Path> configSets)
            throws IOException, InterruptedException {
        SolrCloud cloud = new SolrCloud(LauncherProcess.start("128m", "ZooKeeper listening at ",
                List.of("zookeeper", "--port", "0", "--data", "{dir}/data")));
        String zkHost = cloud.zookeeper.address() + CHROOT;
        ExecutorService starts = Executors.newFixedThreadPool(size);
        try {
            // The first node creates the chroot and uploads the configsets; the others start at the same time.
            List<Future<SolrNode>> started = new ArrayList<>();
            for (int i = 0; i < size; i++) {
                List<Path> uploads = i == 0 ? configSets : List.of();
                started.add(starts.submit(() -> SolrNode.join(zkHost, plugins, uploads)));
            }
            AssertionError failure = null;
            for (Future<SolrNode> node : started) {
                try {
                    cloud.nodes.add(node.get());
                } catch (ExecutionException e) {
                    failure = failure == null ? new AssertionError("a SolrCloud node did not start", e.getCause())
                            : failure;
                }
            }
            if (failure != null) {
                throw failure;
            }
            return cloud;
        } catch (AssertionError | RuntimeException | InterruptedException e) {
            cloud.close();
            throw e;
        } finally {
            starts.shutdown();
        }
    }

    /**
     * Creates a collection through the Collections API of the first running node and waits until all its
     * replicas are active.
     *
     * @param name       the collection's name
     * @param configName a configset uploaded at {@link #start}
     * @param shards     how many shards
     * @param replicas   replicas per shard
     * @throws IOException    if the node does not answer
     * @throws AssertionError if the collection is refused or its replicas are not active in time
     */
    public void createCollection(String name, String configName, int shards, int replicas)
            throws IOException, InterruptedException {
        SolrNode node = anyRunningNode();
        SolrResponse created = node.get("admin/collections", Map.of("action", "CREATE", "name", name,
                "numShards", Integer.toString(shards), "replicationFactor", Integer.toString(replicas),
                "collection.configName", configName));
        if (created.status() != 200 || created.body().has("failure")) {
            throw new AssertionError("creating collection " + name + " failed: " + created);
        }
        Instant deadline = Instant.now().plus(ACTIVE_TIMEOUT);
        SolrResponse status = null;
        while (Instant.now().isBefore(deadline)) {
            status = node.get("admin/collections", Map.of("action", "CLUSTERSTATUS", "collection", name));
            if (activeReplicas(status.body().path("cluster").path("collections").path(name)) == shards * replicas) {
                return;
            }
            Thread.sleep(500);
        }
        throw new AssertionError("collection " + name + " has not " + shards * replicas + " active replicas after "
                + ACTIVE_TIMEOUT + ": " + status);
    }

    private static int activeReplicas(JsonNode collection) {
        int active = 0;
        for (JsonNode shard : collection.path("shards")) {
            for (JsonNode replica : shard.path("replicas")) {
                if ("active".equals(replica.path("state").asText())) {
                    active++;
                }
            }
        }
        return active;
    }

    private SolrNode anyRunningNode() {
        return nodes.stream().filter(SolrNode::isRunning).findFirst()
                .orElseThrow(() -> new AssertionError("no SolrCloud node is running"));
    }

    /**
     * @param i a node's number, from 0
     * @return that node
     */
    public SolrNode node(int i) {
        return nodes.get(i);
    }

    /** @return how many nodes the cloud started with */
    public int size() {
        return nodes.size();
    }

    /** @return ZooKeeper's address with the cloud's chroot */
    public String zkHost() {
        return zookeeper.address() + CHROOT;
    }

    /** Stops every node, all at once, then ZooKeeper; safe to call twice. */
    @Override
    public void close() {
        nodes.parallelStream().forEach(SolrNode::close);
        zookeeper.close();
    }
}
