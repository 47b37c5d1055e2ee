package dev.lookalike.opensearch.rest;

import dev.lookalike.opensearch.stats.LookalikeNodeStats;
import dev.lookalike.opensearch.stats.LookalikeStatsAction;
import dev.lookalike.opensearch.stats.LookalikeStatsRequest;
import java.util.List;
import org.opensearch.core.common.Strings;
import org.opensearch.core.rest.RestStatus;
import org.opensearch.core.xcontent.XContentBuilder;
import org.opensearch.rest.BaseRestHandler;
import org.opensearch.rest.BytesRestResponse;
import org.opensearch.rest.RestRequest;
import org.opensearch.rest.action.RestActions;
import org.opensearch.transport.client.node.NodeClient;

/**
 * The plug-in's figures ({@link dev.lookalike.opensearch.stats.NodeFigures}): searches, images embedded and their
 * batches, decode and inference times as percentiles, memory in flight, the inference pool's queue and rejections,
 * the model and when it loaded, the catalogue-proxies cache.
 * <ul>
 *   <li>{@code GET /_plugins/lookalike/stats}: the node that receives the request, answered on the calling thread
 *       from its counters;</li>
 *   <li>{@code GET /_plugins/lookalike/{nodeId}/stats}: the nodes named as OpenSearch's node APIs name them
 *       ({@code _all}, {@code _local}, ids, names), gathered over the transport layer by
 *       {@link dev.lookalike.opensearch.stats.TransportLookalikeStatsAction} and answered as node stats are:
 *       {@code _nodes}, {@code cluster_name}, {@code nodes} by id. The k-NN plug-in's
 *       {@code /_plugins/_knn/{nodeId}/stats} has the same shape.</li>
 * </ul>
 */
public final class RestStatsAction extends BaseRestHandler {

    /** This node's figures. */
    public static final String PATH = "/_plugins/lookalike/stats";
    /** The figures of the nodes named. */
    public static final String NODES_PATH = "/_plugins/lookalike/{nodeId}/stats";

    private final LookalikeNodeStats stats;

    /** @param stats this node's figures */
    public RestStatsAction(LookalikeNodeStats stats) {
        this.stats = stats;
    }

    @Override
    public String getName() {
        return "lookalike_stats_action";
    }

    @Override
    public List<Route> routes() {
        return List.of(new Route(RestRequest.Method.GET, PATH), new Route(RestRequest.Method.GET, NODES_PATH));
    }

    @Override
    protected RestChannelConsumer prepareRequest(RestRequest request, NodeClient client) {
        if (request.hasParam("nodeId")) {
            LookalikeStatsRequest nodes = new LookalikeStatsRequest(
                    Strings.splitStringByCommaToArray(request.param("nodeId")));
            nodes.timeout(request.param("timeout"));
            return channel -> client.execute(LookalikeStatsAction.INSTANCE, nodes,
                    new RestActions.NodesResponseRestListener<>(channel));
        }
        return channel -> {
            XContentBuilder json = channel.newBuilder().startObject();
            stats.read().toXContent(json, request);
            channel.sendResponse(new BytesRestResponse(RestStatus.OK, json.endObject()));
        };
    }
}
