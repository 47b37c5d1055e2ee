package dev.lookalike.opensearch.rest;

import dev.lookalike.analyzer.model.EmbeddedImage;
import dev.lookalike.analyzer.model.NodeEmbedder;
import java.io.IOException;
import java.util.List;
import org.opensearch.core.rest.RestStatus;
import org.opensearch.core.xcontent.XContentBuilder;
import org.opensearch.core.xcontent.XContentParser;
import org.opensearch.rest.BaseRestHandler;
import org.opensearch.rest.BytesRestResponse;
import org.opensearch.rest.RestRequest;
import org.opensearch.threadpool.ThreadPool;
import org.opensearch.transport.client.node.NodeClient;

/**
 * {@code POST /_plugins/lookalike/_embed} with {@code {"image": "<base64>"}}: answers the image's embedding and
 * the category its proxies predict, {@code {"vector": [...], "predicted_category": {"name": ..., "probability":
 * ...}}}. The body is checked on the network thread; base64 decoding, image decoding and inference run on the
 * inference pool. Bad input is answered 400 with a reason that names the field.
 */
public final class RestEmbedAction extends BaseRestHandler {

    /** The endpoint's path. */
    public static final String PATH = "/_plugins/lookalike/_embed";

    private final NodeEmbedder embedder;
    private final ThreadPool threadPool;

    /**
     * @param embedder   the node's embedder
     * @param threadPool the node's thread pools, among them the inference pool
     */
    public RestEmbedAction(NodeEmbedder embedder, ThreadPool threadPool) {
        this.embedder = embedder;
        this.threadPool = threadPool;
    }

    @Override
    public String getName() {
        return "lookalike_embed_action";
    }

    @Override
    public List<Route> routes() {
        return List.of(new Route(RestRequest.Method.POST, PATH));
    }

    @Override
    protected RestChannelConsumer prepareRequest(RestRequest request, NodeClient client) throws IOException {
        if (!request.hasContent()) {
            throw new IllegalArgumentException("[_embed] the request needs a body: {\"" + EmbedRequest.IMAGE
                    + "\": \"<base64>\"}");
        }
        EmbedRequest body;
        try (XContentParser parser = request.contentParser()) {
            body = EmbedRequest.parse(parser);
        }
        return channel -> PooledResponse.onInferencePool(threadPool, channel, ch -> {
            byte[] bytes = body.imageBytes(embedder.limits().maxBytes());
            EmbeddedImage embedded = embedder.embed(bytes, "[" + EmbedRequest.IMAGE + "]");
            XContentBuilder json = ch.newBuilder();
            json.startObject();
            json.startArray("vector");
            for (float x : embedded.vector()) {
                json.value(x);
            }
            json.endArray();
            json.startObject("predicted_category")
                    .field("name", embedded.predicted().name())
                    .field("probability", embedded.predicted().probability())
                    .endObject();
            json.endObject();
            return new BytesRestResponse(RestStatus.OK, json);
        });
    }
}
