package dev.lookalike.opensearch.rest;

import dev.lookalike.opensearch.query.SimilaritySearchStats;
import java.util.List;
import org.opensearch.core.rest.RestStatus;
import org.opensearch.core.xcontent.XContentBuilder;
import org.opensearch.rest.BaseRestHandler;
import org.opensearch.rest.BytesRestResponse;
import org.opensearch.rest.RestRequest;
import org.opensearch.transport.client.node.NodeClient;

/**
 * {@code GET /_plugins/lookalike/stats}: this node's search figures, {@code {"similarity_searches": n}}, the
 * shard-level similarity searches ({@code image_knn} on one shard) it has run since it started. A request that
 * reaches s shards of this node adds s. Answered on the calling thread: it reads one counter.
 */
public final class RestStatsAction extends BaseRestHandler {

    /** The endpoint's path. */
    public static final String PATH = "/_plugins/lookalike/stats";

    private final SimilaritySearchStats stats;

    /** @param stats the node's search figures */
    public RestStatsAction(SimilaritySearchStats stats) {
        this.stats = stats;
    }

    @Override
    public String getName() {
        return "lookalike_stats_action";
    }

    @Override
    public List<Route> routes() {
        return List.of(new Route(RestRequest.Method.GET, PATH));
    }

    @Override
    protected RestChannelConsumer prepareRequest(RestRequest request, NodeClient client) {
        return channel -> {
            XContentBuilder json = channel.newBuilder();
            json.startObject().field("similarity_searches", stats.searches()).endObject();
            channel.sendResponse(new BytesRestResponse(RestStatus.OK, json));
        };
    }
}
