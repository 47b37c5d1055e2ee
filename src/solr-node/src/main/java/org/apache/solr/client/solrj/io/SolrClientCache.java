package org.apache.solr.client.solrj.io;

import java.io.Closeable;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.solr.client.solrj.SolrClient;
import org.apache.solr.client.solrj.impl.HttpSolrClientBase;

/**
 * Launcher-only stand-in for the class of the same name in {@code org.apache.solr:solr-solrj-streaming}, which
 * this build's registry does not serve for Solr 10.0.0.
 *
 * <p>Solr's {@code CoreContainer} creates one at start and closes it at shutdown, and the distributed file store
 * asks it for a client per node ({@link #getHttpSolrClient}). This stand-in has only what those callers use: it
 * builds one client per base URL on the node's shared HTTP client and closes them with itself. The real class
 * also serves streaming expressions with cloud clients; they are unavailable in the launcher's node.
 *
 * <p>It is part of {@code lookalike-solr-node} only and must never be shipped in a plug-in: a user's Solr
 * installation has the real module, and a second copy of this class there would break it.
 */
public class SolrClientCache implements Closeable {

    private final HttpSolrClientBase httpClient;
    private final Map<String, SolrClient> clients = new ConcurrentHashMap<>();
    private volatile String defaultZkHost;

    /**
     * @param httpClient the node's shared HTTP client; the clients this cache builds reuse its connections
     */
    public SolrClientCache(HttpSolrClientBase httpClient) {
        this.httpClient = httpClient;
    }

    /**
     * Remembers the ZooKeeper address the node runs with (the real class uses it for cloud clients).
     *
     * @param zkHost a ZooKeeper connection string
     */
    public void setDefaultZKHost(String zkHost) {
        this.defaultZkHost = zkHost;
    }

    /** @return the ZooKeeper address given to {@link #setDefaultZKHost}, or {@code null} */
    public String getDefaultZKHost() {
        return defaultZkHost;
    }

    /**
     * Returns the client for one base URL, building it on first use; it is closed by {@link #close}.
     *
     * @param baseUrl a node's base URL, e.g. {@code http://127.0.0.1:8983/solr}
     * @return a client bound to that URL
     */
    public SolrClient getHttpSolrClient(String baseUrl) {
        return clients.computeIfAbsent(baseUrl, this::newClient);
    }

    private SolrClient newClient(String baseUrl) {
        // The node's client hands out builders that share its connection pool and leave it open when closed.
        return httpClient.builder().withBaseSolrUrl(baseUrl).build();
    }

    /** Closes every client this cache built; the shared HTTP client stays open (the node owns it). */
    @Override
    public void close() {
        for (SolrClient client : clients.values()) {
            try {
                client.close();
            } catch (java.io.IOException | RuntimeException e) {
                // A client that fails to close holds no resource of its own beyond the shared pool.
            }
        }
        clients.clear();
    }
}
