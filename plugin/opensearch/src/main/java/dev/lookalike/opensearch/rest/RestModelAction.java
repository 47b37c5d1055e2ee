package dev.lookalike.opensearch.rest;

import dev.lookalike.analyzer.model.NodeEmbedder;
import java.util.List;
import org.opensearch.core.rest.RestStatus;
import org.opensearch.core.xcontent.XContentBuilder;
import org.opensearch.rest.BaseRestHandler;
import org.opensearch.rest.BytesRestResponse;
import org.opensearch.rest.RestRequest;
import org.opensearch.threadpool.ThreadPool;
import org.opensearch.transport.client.node.NodeClient;

/**
 * {@code GET /_plugins/lookalike/model}: describes the model bundle this node runs (see {@link ModelDescription}).
 * The first request on a node loads the model, on the inference pool; a model that cannot be loaded is answered
 * 500 with the reason.
 */
public final class RestModelAction extends BaseRestHandler {

    /** The endpoint's path. */
    public static final String PATH = "/_plugins/lookalike/model";

    private final NodeEmbedder embedder;
    private final ThreadPool threadPool;

    /**
     * @param embedder   the node's embedder
     * @param threadPool the node's thread pools, among them the inference pool
     */
    public RestModelAction(NodeEmbedder embedder, ThreadPool threadPool) {
        this.embedder = embedder;
        this.threadPool = threadPool;
    }

    @Override
    public String getName() {
        return "lookalike_model_action";
    }

    @Override
    public List<Route> routes() {
        return List.of(new Route(RestRequest.Method.GET, PATH));
    }

    @Override
    protected RestChannelConsumer prepareRequest(RestRequest request, NodeClient client) {
        return channel -> PooledResponse.onInferencePool(threadPool, channel, ch -> {
            XContentBuilder json = ch.newBuilder();
            ModelDescription.write(embedder.embedder().spec(), json);
            return new BytesRestResponse(RestStatus.OK, json);
        });
    }
}
