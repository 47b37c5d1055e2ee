package dev.lookalike.opensearch.proxy;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.lookalike.search.proxy.IndexProxies;
import java.io.IOException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.opensearch.action.admin.indices.mapping.put.PutMappingRequest;
import org.opensearch.action.support.ActionFilters;
import org.opensearch.action.support.clustermanager.TransportClusterManagerNodeAction;
import org.opensearch.cluster.ClusterState;
import org.opensearch.cluster.block.ClusterBlockException;
import org.opensearch.cluster.block.ClusterBlockLevel;
import org.opensearch.cluster.metadata.IndexMetadata;
import org.opensearch.cluster.metadata.IndexNameExpressionResolver;
import org.opensearch.cluster.metadata.MappingMetadata;
import org.opensearch.cluster.service.ClusterService;
import org.opensearch.common.inject.Inject;
import org.opensearch.core.action.ActionListener;
import org.opensearch.core.common.io.stream.StreamInput;
import org.opensearch.index.IndexNotFoundException;
import org.opensearch.threadpool.ThreadPool;
import org.opensearch.transport.TransportService;
import org.opensearch.transport.client.Client;

/**
 * Stores a field's catalogue proxies in an index's mapping {@code _meta} on the elected cluster manager, one
 * store per index at a time: it reads the mapping as the cluster state holds it now, replaces only its own field's
 * entry (one generation after the stored one), and waits for the mapping update to be acknowledged before the next
 * store of that index reads. A refresh used to read the mapping and write it back from whichever node received
 * it, so two refreshes at once (two fields) could each write back a {@code _meta} without the other's result;
 * passing every store through one node, in order, makes the read and the write one step. Runs on the
 * {@code management} pool, where waiting for the acknowledgement is allowed.
 */
public final class TransportStoreCatalogueProxiesAction
        extends TransportClusterManagerNodeAction<StoreCatalogueProxiesRequest, StoreCatalogueProxiesResponse> {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Client client;
    private final Map<String, Object> locks = new ConcurrentHashMap<>();

    /**
     * Built by OpenSearch's injector.
     *
     * @param transportService the transport service
     * @param clusterService   the cluster service
     * @param threadPool       the thread pools
     * @param actionFilters    the action filters
     * @param resolver         the index name resolver
     * @param client           the node's client, for the mapping update
     */
    @Inject
    public TransportStoreCatalogueProxiesAction(TransportService transportService, ClusterService clusterService,
            ThreadPool threadPool, ActionFilters actionFilters, IndexNameExpressionResolver resolver, Client client) {
        super(StoreCatalogueProxiesAction.NAME, transportService, clusterService, threadPool, actionFilters,
                StoreCatalogueProxiesRequest::new, resolver);
        this.client = client;
    }

    @Override
    protected String executor() {
        return ThreadPool.Names.MANAGEMENT;
    }

    @Override
    protected StoreCatalogueProxiesResponse read(StreamInput in) throws IOException {
        return new StoreCatalogueProxiesResponse(in);
    }

    @Override
    protected ClusterBlockException checkBlock(StoreCatalogueProxiesRequest request, ClusterState state) {
        return state.blocks().indexBlockedException(ClusterBlockLevel.METADATA_WRITE, request.index());
    }

    @Override
    protected void clusterManagerOperation(StoreCatalogueProxiesRequest request, ClusterState ignored,
            ActionListener<StoreCatalogueProxiesResponse> listener) {
        Object lock = locks.computeIfAbsent(request.index(), name -> new Object());
        synchronized (lock) {
            try {
                listener.onResponse(new StoreCatalogueProxiesResponse(store(request)));
            } catch (Exception e) {
                listener.onFailure(e);
            }
        }
    }

    private long store(StoreCatalogueProxiesRequest request) throws JsonProcessingException {
        // The state as it is now, after every earlier store of this index was acknowledged.
        IndexMetadata index = clusterService.state().metadata().index(request.index());
        if (index == null && clusterService.state().metadata().hasAlias(request.index())) {
            throw new IllegalArgumentException("[" + request.index() + "] must be a concrete index name, not an alias:"
                    + " each index keeps its own proxies");
        }
        if (index == null) {
            throw new IndexNotFoundException(request.index());
        }
        MappingMetadata mapping = index.mapping();
        @SuppressWarnings("unchecked")
        Map<String, Object> meta = mapping == null ? null : (Map<String, Object>) mapping.sourceAsMap().get("_meta");
        CatalogueProxies previous = CatalogueProxies.read(meta, request.field());
        IndexProxies computed = JSON.readValue(request.proxiesJson(), IndexProxies.class);
        long generation = previous == null ? 1 : previous.proxies().generation() + 1;
        IndexProxies proxies = new IndexProxies(generation, computed.temperature(), computed.proxies());
        PutMappingRequest put = new PutMappingRequest(request.index()).source(Map.of("_meta",
                new CatalogueProxies(proxies, request.categoryField()).writeInto(meta, request.field())));
        if (!client.admin().indices().putMapping(put).actionGet().isAcknowledged()) {
            throw new IllegalStateException("the mapping update of [" + request.index() + "] was not acknowledged "
                    + "in time; refresh again");
        }
        return generation;
    }
}
