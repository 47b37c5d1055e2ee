package dev.lookalike.opensearch.rest;

import dev.lookalike.opensearch.proxy.ProxyRefresh;
import dev.lookalike.search.proxy.CategoryProxy;
import java.io.IOException;
import java.util.List;
import org.opensearch.core.rest.RestStatus;
import org.opensearch.core.xcontent.XContentBuilder;
import org.opensearch.core.xcontent.XContentParser;
import org.opensearch.rest.BaseRestHandler;
import org.opensearch.rest.BytesRestResponse;
import org.opensearch.rest.RestRequest;
import org.opensearch.rest.action.RestActionListener;
import org.opensearch.transport.client.node.NodeClient;

/**
 * {@code POST /{index}/_plugins/lookalike/proxies/_refresh}, body optional:
 * {@code {"field": "embedding", "category_field": "category"}} (those are the defaults). Computes the index's
 * catalogue proxies from its documents ({@link ProxyRefresh}) and stores them in its mapping, after which
 * {@code image_knn} re-ranks by the catalogue's own categories: the model's learned proxy for a category it
 * knows, the mean of the category's vectors for one it never saw. Run it after loading a catalogue and after
 * changes that add categories or shift them. Answers the categories, whether each proxy is learned, and how
 * many documents each has.
 */
public final class RestRefreshProxiesAction extends BaseRestHandler {

    private final ProxyRefresh refresh;

    /** @param refresh computes and stores the proxies */
    public RestRefreshProxiesAction(ProxyRefresh refresh) {
        this.refresh = refresh;
    }

    @Override
    public String getName() {
        return "lookalike_refresh_proxies_action";
    }

    @Override
    public List<Route> routes() {
        return List.of(new Route(RestRequest.Method.POST, "/{index}/_plugins/lookalike/proxies/_refresh"));
    }

    @Override
    protected RestChannelConsumer prepareRequest(RestRequest request, NodeClient client) throws IOException {
        String index = request.param("index");
        String field = "embedding";
        String categoryField = "category";
        if (request.hasContent()) {
            try (XContentParser parser = request.contentParser()) {
                if (parser.nextToken() != XContentParser.Token.START_OBJECT) {
                    throw new IllegalArgumentException("[proxies/_refresh] the body must be a JSON object like "
                            + "{\"field\": \"embedding\", \"category_field\": \"category\"}");
                }
                for (XContentParser.Token t = parser.nextToken(); t != XContentParser.Token.END_OBJECT;
                        t = parser.nextToken()) {
                    String name = parser.currentName();
                    if (parser.nextToken() != XContentParser.Token.VALUE_STRING || parser.text().isBlank()) {
                        throw new IllegalArgumentException("[proxies/_refresh][" + name + "] must be a field name");
                    }
                    switch (name) {
                        case "field" -> field = parser.text();
                        case "category_field" -> categoryField = parser.text();
                        default -> throw new IllegalArgumentException("[proxies/_refresh] unknown field [" + name
                                + "]; expected field and category_field");
                    }
                }
            }
        }
        String vectorField = field;
        String category = categoryField;
        return channel -> refresh.refresh(index, vectorField, category, new RestActionListener<>(channel) {
            @Override
            protected void processResponse(ProxyRefresh.Outcome outcome) throws Exception {
                XContentBuilder json = channel.newBuilder();
                json.startObject().field("index", outcome.index()).field("field", outcome.field())
                        .field("category_field", category).field("documents", outcome.documents())
                        .field("generation", outcome.proxies().generation()).startArray("categories");
                for (CategoryProxy p : outcome.proxies().proxies()) {
                    json.startObject().field("name", p.category()).field("learned", p.learned())
                            .field("items", p.items()).endObject();
                }
                json.endArray().endObject();
                channel.sendResponse(new BytesRestResponse(RestStatus.OK, json));
            }
        });
    }
}
