package dev.lookalike.opensearch.proxy;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.lookalike.analyzer.model.ModelBundle;
import dev.lookalike.analyzer.model.NodeEmbedder;
import dev.lookalike.opensearch.mapper.VectorValues;
import dev.lookalike.search.proxy.CategoryProxyBuilder;
import dev.lookalike.search.proxy.IndexProxies;
import java.util.Map;
import org.opensearch.action.search.ClearScrollRequest;
import org.opensearch.action.search.SearchRequest;
import org.opensearch.action.search.SearchResponse;
import org.opensearch.action.search.SearchScrollRequest;
import org.opensearch.common.unit.TimeValue;
import org.opensearch.common.xcontent.support.XContentMapValues;
import org.opensearch.core.action.ActionListener;
import org.opensearch.search.SearchHit;
import org.opensearch.search.builder.SearchSourceBuilder;
import org.opensearch.transport.client.Client;

/**
 * Computes an index's catalogue proxies and stores them in its mapping ({@link CatalogueProxies}): scrolls
 * through every document's vector and category, gives each category the model's learned proxy when the model
 * knows it and the normalised mean of its documents' vectors when not (the search core's
 * {@link CategoryProxyBuilder}), then has the cluster manager write them into the mapping's {@code _meta}, keeping
 * every other entry ({@link TransportStoreCatalogueProxiesAction}).
 * Documents without a vector or a category count for nothing. Costs one pass over the index's documents, 1,000
 * at a time, and O(categories x dimension) memory.
 */
public final class ProxyRefresh {

    private static final int PAGE = 1000;
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final TimeValue KEEP_ALIVE = TimeValue.timeValueMinutes(2);

    private final Client client;
    private final NodeEmbedder embedder;

    /**
     * @param client   the node's client
     * @param embedder the node's model, whose proxies and temperature seed the result
     */
    public ProxyRefresh(Client client, NodeEmbedder embedder) {
        this.client = client;
        this.embedder = embedder;
    }

    /**
     * What a refresh did.
     *
     * @param index     the index
     * @param field     the vector field
     * @param documents documents that had both a vector and a category
     * @param proxies   the proxies stored
     */
    public record Outcome(String index, String field, long documents, IndexProxies proxies) {
    }

    /**
     * @param index         a concrete index name
     * @param field         its {@code image_vector} field
     * @param categoryField its category field (a keyword)
     * @param listener      gets the outcome, or the failure
     */
    public void refresh(String index, String field, String categoryField, ActionListener<Outcome> listener) {
        ModelBundle bundle;
        try {
            bundle = embedder.bundle();
        } catch (RuntimeException e) {
            listener.onFailure(e);
            return;
        }
        CategoryProxyBuilder builder = new CategoryProxyBuilder(bundle.proxies(), bundle.spec().temperature());
        SearchRequest first = new SearchRequest(index).scroll(KEEP_ALIVE).source(new SearchSourceBuilder().size(PAGE)
                .fetchSource(new String[] {field, categoryField}, null));
        client.search(first, new Scroll(index, field, categoryField, builder, listener));
    }

    /** One page after another, then the mapping update. */
    private final class Scroll implements ActionListener<SearchResponse> {

        private final String index;
        private final String field;
        private final String categoryField;
        private final CategoryProxyBuilder builder;
        private final ActionListener<Outcome> listener;
        private long documents;
        private int dimension = -1;

        Scroll(String index, String field, String categoryField, CategoryProxyBuilder builder,
                ActionListener<Outcome> listener) {
            this.index = index;
            this.field = field;
            this.categoryField = categoryField;
            this.builder = builder;
            this.listener = listener;
        }

        @Override
        public void onResponse(SearchResponse page) {
            try {
                SearchHit[] hits = page.getHits().getHits();
                for (SearchHit hit : hits) {
                    add(hit);
                }
                if (hits.length > 0) {
                    client.searchScroll(new SearchScrollRequest(page.getScrollId()).scroll(KEEP_ALIVE), this);
                    return;
                }
                ClearScrollRequest clear = new ClearScrollRequest();
                clear.addScrollId(page.getScrollId());
                client.clearScroll(clear, ActionListener.wrap(r -> { }, e -> { }));
                store();
            } catch (RuntimeException e) {
                listener.onFailure(e);
            }
        }

        private void add(SearchHit hit) {
            Map<String, Object> source = hit.getSourceAsMap();
            Object category = XContentMapValues.extractValue(categoryField, source);
            Object vector = XContentMapValues.extractValue(field, source);
            String name = "document [" + hit.getId() + "] [" + field + "]";
            float[] floats = VectorValues.fromSource(vector, name);
            if (!(category instanceof String categoryName) || floats == null) {
                return;
            }
            if (dimension < 0) {
                dimension = floats.length;
            }
            builder.add(categoryName, VectorValues.normalised(floats, name, dimension));
            documents++;
        }

        private void store() {
            if (documents == 0) {
                listener.onFailure(new IllegalArgumentException("index [" + index + "] has no document with both a ["
                        + field + "] vector and a [" + categoryField + "] category"));
                return;
            }
            IndexProxies proxies = builder.build(0);
            String computed;
            try {
                computed = JSON.writeValueAsString(proxies);
            } catch (JsonProcessingException e) {
                listener.onFailure(e);
                return;
            }
            // The cluster manager stores it, one index at a time, so concurrent refreshes never lose each other's.
            client.execute(StoreCatalogueProxiesAction.INSTANCE,
                    new StoreCatalogueProxiesRequest(index, field, categoryField, computed), ActionListener.wrap(
                            stored -> listener.onResponse(new Outcome(index, field, documents, new IndexProxies(
                                    stored.generation(), proxies.temperature(), proxies.proxies()))),
                            listener::onFailure));
        }

        @Override
        public void onFailure(Exception e) {
            listener.onFailure(e);
        }
    }
}
