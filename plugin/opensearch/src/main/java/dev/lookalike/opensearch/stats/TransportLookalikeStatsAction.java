package dev.lookalike.opensearch.stats;

import java.io.IOException;
import java.util.List;
import org.opensearch.action.FailedNodeException;
import org.opensearch.action.support.ActionFilters;
import org.opensearch.action.support.nodes.TransportNodesAction;
import org.opensearch.cluster.service.ClusterService;
import org.opensearch.common.inject.Inject;
import org.opensearch.core.common.io.stream.StreamInput;
import org.opensearch.threadpool.ThreadPool;
import org.opensearch.transport.TransportService;

/**
 * Gathers the figures of the nodes a request names: the node that receives it sends each of them a
 * {@link LookalikeStatsNodeRequest} over the transport layer, each reads its own {@link LookalikeNodeStats} on its
 * {@code management} pool, and a node that does not answer is listed among the failures rather than failing the
 * request. The design of the k-NN plug-in's stats action and of OpenSearch's node stats.
 */
public final class TransportLookalikeStatsAction extends TransportNodesAction<LookalikeStatsRequest,
        LookalikeStatsResponse, LookalikeStatsNodeRequest, LookalikeStatsNodeResponse> {

    private final LookalikeNodeStats stats;

    /**
     * Built by OpenSearch's injector.
     *
     * @param threadPool       the thread pools
     * @param clusterService   the cluster service
     * @param transportService the transport service
     * @param actionFilters    the action filters
     * @param stats            this node's figures
     */
    @Inject
    public TransportLookalikeStatsAction(ThreadPool threadPool, ClusterService clusterService,
            TransportService transportService, ActionFilters actionFilters, LookalikeNodeStats stats) {
        super(LookalikeStatsAction.NAME, threadPool, clusterService, transportService, actionFilters,
                LookalikeStatsRequest::new, LookalikeStatsNodeRequest::new, ThreadPool.Names.MANAGEMENT,
                LookalikeStatsNodeResponse.class);
        this.stats = stats;
    }

    @Override
    protected LookalikeStatsResponse newResponse(LookalikeStatsRequest request, List<LookalikeStatsNodeResponse> nodes,
            List<FailedNodeException> failures) {
        return new LookalikeStatsResponse(clusterService.getClusterName(), nodes, failures);
    }

    @Override
    protected LookalikeStatsNodeRequest newNodeRequest(LookalikeStatsRequest request) {
        return new LookalikeStatsNodeRequest();
    }

    @Override
    protected LookalikeStatsNodeResponse newNodeResponse(StreamInput in) throws IOException {
        return new LookalikeStatsNodeResponse(in);
    }

    @Override
    protected LookalikeStatsNodeResponse nodeOperation(LookalikeStatsNodeRequest request) {
        return new LookalikeStatsNodeResponse(clusterService.localNode(), stats.read());
    }
}
