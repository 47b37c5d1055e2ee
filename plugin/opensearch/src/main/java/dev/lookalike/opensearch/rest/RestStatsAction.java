package dev.lookalike.opensearch.rest;

import dev.lookalike.analyzer.image.PixelBudget;
import dev.lookalike.analyzer.model.NodeEmbedder;
import dev.lookalike.opensearch.InferenceThreadPool;
import dev.lookalike.opensearch.query.SimilaritySearchStats;
import java.util.List;
import org.opensearch.core.rest.RestStatus;
import org.opensearch.core.xcontent.XContentBuilder;
import org.opensearch.rest.BaseRestHandler;
import org.opensearch.rest.BytesRestResponse;
import org.opensearch.rest.RestRequest;
import org.opensearch.threadpool.ThreadPool;
import org.opensearch.threadpool.ThreadPoolStats;
import org.opensearch.transport.client.node.NodeClient;

/**
 * {@code GET /_plugins/lookalike/stats}: this node's figures since it started: {@code similarity_searches}, the
 * shard-level similarity searches ({@code image_knn} on one shard; a request that reaches s shards of this node adds
 * s); {@code images} embedded and the batches they came in; {@code memory}, the decoded image bytes in flight, their
 * bound and the images refused for it; the {@code inference_pool}'s threads, queue, active, rejected and completed
 * tasks; and whether the {@code model} is loaded. Answered on the calling thread: it reads counters.
 */
public final class RestStatsAction extends BaseRestHandler {

    /** The endpoint's path. */
    public static final String PATH = "/_plugins/lookalike/stats";

    private final SimilaritySearchStats stats;
    private final NodeEmbedder embedder;
    private final ThreadPool threadPool;

    /**
     * @param stats      the node's search figures
     * @param embedder   the node's model, with its image figures
     * @param threadPool the node's thread pools, among them the inference pool
     */
    public RestStatsAction(SimilaritySearchStats stats, NodeEmbedder embedder, ThreadPool threadPool) {
        this.stats = stats;
        this.embedder = embedder;
        this.threadPool = threadPool;
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
            PixelBudget budget = embedder.budget();
            json.startObject().field("similarity_searches", stats.searches());
            json.startObject("images").field("embedded", embedder.embeddedImages())
                    .field("batches", embedder.batches()).endObject();
            json.startObject("memory").field("in_flight_image_bytes", budget.inFlightBytes())
                    .field("max_in_flight_image_bytes", budget.maxBytes())
                    .field("rejected_images", budget.rejected()).endObject();
            for (ThreadPoolStats.Stats pool : threadPool.stats()) {
                if (pool.getName().equals(InferenceThreadPool.NAME)) {
                    json.startObject("inference_pool").field("threads", pool.getThreads())
                            .field("queue", pool.getQueue()).field("active", pool.getActive())
                            .field("rejected", pool.getRejected()).field("completed", pool.getCompleted())
                            .endObject();
                }
            }
            json.startObject("model").field("loaded", embedder.loaded()).endObject();
            json.endObject();
            channel.sendResponse(new BytesRestResponse(RestStatus.OK, json));
        };
    }
}
