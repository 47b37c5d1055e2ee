package dev.lookalike.tools.bench.opensearch;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The searches {@code lookalike bench opensearch} compares on one cluster, each a search request body: Lookalike's
 * {@code image_knn} on an {@code image_vector} field, plain and with proxy re-ranking, and the OpenSearch k-NN
 * plug-in's {@code knn} query on a {@code knn_vector} field (Lucene engine, same HNSW parameters). All ask each
 * shard for the same number of nearest candidates ({@code num_candidates} for {@code image_knn}, the per-query
 * {@code method_parameters.ef_search} for {@code knn}) and return the best {@code k} without {@code _source}.
 */
public enum ClusterSearchKind {

    /** Lookalike's {@code image_knn}, by vector. */
    LOOKALIKE("lookalike image_knn", OpenSearchBenchIndices.LOOKALIKE_INDEX, false),
    /** Lookalike's {@code image_knn} with proxy re-ranking at the default weight. */
    LOOKALIKE_RERANK("lookalike image_knn + rerank", OpenSearchBenchIndices.LOOKALIKE_INDEX, true),
    /** The k-NN plug-in's {@code knn} query, Lucene engine. */
    KNN_LUCENE("k-NN plug-in knn (lucene)", OpenSearchBenchIndices.KNN_INDEX, false);

    private static final ObjectMapper JSON = new ObjectMapper();

    private final String label;
    private final String index;
    private final boolean rerank;

    ClusterSearchKind(String label, String index, boolean rerank) {
        this.label = label;
        this.index = index;
        this.rerank = rerank;
    }

    /** @return how tables name this kind */
    public String label() {
        return label;
    }

    /** @return the index it searches */
    public String index() {
        return index;
    }

    /**
     * @param vector     the query vector
     * @param k          results wanted
     * @param candidates nearest candidates per shard
     * @return the search request body
     */
    public String body(float[] vector, int k, int candidates) {
        ArrayNode array = JSON.createArrayNode();
        for (float x : vector) {
            array.add(x);
        }
        ObjectNode body = JSON.createObjectNode().put("size", k).put("_source", false);
        ObjectNode query = body.putObject("query");
        if (this == KNN_LUCENE) {
            // The Lucene engine walks the graph for max(k, ef_search) nearest documents (k-NN 2.16 and later), so
            // both plug-ins explore the same number of candidates and keep the best k.
            ObjectNode knn = query.putObject("knn").putObject(OpenSearchBenchIndices.FIELD).put("k", k);
            knn.set("vector", array);
            knn.putObject("method_parameters").put("ef_search", candidates);
        } else {
            ObjectNode knn = query.putObject("image_knn").put("field", OpenSearchBenchIndices.FIELD).put("k", k)
                    .put("num_candidates", candidates);
            knn.set("vector", array);
            if (rerank) {
                knn.putObject("rerank").put("proxies", true);
            }
        }
        return body.toString();
    }
}
