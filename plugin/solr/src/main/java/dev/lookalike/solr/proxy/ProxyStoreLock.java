package dev.lookalike.solr.proxy;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.apache.solr.common.SolrException;
import org.apache.solr.common.cloud.SolrZkClient;
import org.apache.zookeeper.CreateMode;
import org.apache.zookeeper.KeeperException;

/**
 * Serialises the catalogue-proxy refreshes of one SolrCloud collection across every node and core that may run
 * one: an ephemeral ZooKeeper node, {@code /lookalike/locks/<collection>/catalogue-proxies}, held while a refresh
 * re-reads the stored proxies and writes them with its own field replaced. Two refreshes of two fields that arrive
 * at two nodes at once therefore both survive. The node disappears with the session of a node that dies holding
 * it. Within one core, {@link ManagedCatalogueProxies#store} is synchronised as well (all a standalone node needs).
 */
final class ProxyStoreLock implements AutoCloseable {

    private static final Duration POLL = Duration.ofMillis(50);

    private final SolrZkClient zk;
    private final String path;

    private ProxyStoreLock(SolrZkClient zk, String path) {
        this.zk = zk;
        this.path = path;
    }

    /**
     * Waits for the collection's lock and takes it.
     *
     * @param zk         the node's ZooKeeper client
     * @param collection the collection
     * @param wait       how long to wait for a refresh running elsewhere
     * @param holder     who takes it, for the node's data (e.g. the core's name)
     * @return the lock, to close when the proxies are stored
     * @throws SolrException 503 if another refresh holds it longer than {@code wait}; 500 if ZooKeeper fails
     */
    static ProxyStoreLock acquire(SolrZkClient zk, String collection, Duration wait, String holder) {
        String parent = "/lookalike/locks/" + collection;
        String path = parent + "/catalogue-proxies";
        long deadline = System.nanoTime() + wait.toNanos();
        try {
            try {
                zk.makePath(parent, CreateMode.PERSISTENT);
            } catch (KeeperException.NodeExistsException e) {
                // Made by an earlier refresh.
            }
            while (true) {
                try {
                    zk.create(path, holder.getBytes(StandardCharsets.UTF_8), CreateMode.EPHEMERAL);
                    return new ProxyStoreLock(zk, path);
                } catch (KeeperException.NodeExistsException e) {
                    if (System.nanoTime() > deadline) {
                        throw new SolrException(SolrException.ErrorCode.SERVICE_UNAVAILABLE, "another catalogue-proxy"
                                + " refresh of collection [" + collection + "] has held " + path + " for over "
                                + wait.toSeconds() + " s; try again when it is done");
                    }
                    Thread.sleep(POLL.toMillis());
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SolrException(SolrException.ErrorCode.SERVER_ERROR, "interrupted waiting for " + path, e);
        } catch (KeeperException e) {
            throw new SolrException(SolrException.ErrorCode.SERVER_ERROR, "cannot take " + path + ": " + e, e);
        }
    }

    /** Releases the lock. */
    @Override
    public void close() {
        try {
            zk.delete(path, -1);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (KeeperException e) {
            // Gone already (an expired session released it); nothing to release.
        }
    }
}
