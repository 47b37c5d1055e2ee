package dev.lookalike.tools.bench.opensearch;

import dev.lookalike.tools.cli.Progress;
import dev.lookalike.tools.client.NodeHttp;
import java.io.IOException;
import java.util.Locale;

/**
 * The two indices {@code lookalike bench opensearch} builds with the same vectors, one shard and no replica each:
 * {@value #LOOKALIKE_INDEX} with an {@code image_vector} field, and {@value #KNN_INDEX} with a {@code knn_vector}
 * field of the OpenSearch k-NN plug-in (HNSW on the Lucene engine, cosine), both with the same {@code m} and
 * {@code ef_construction}. Loaded with {@code _bulk} with refresh off, then refreshed and force-merged to one
 * segment, so that both answer from one HNSW graph.
 */
public final class OpenSearchBenchIndices {

    /** The Lookalike index. */
    static final String LOOKALIKE_INDEX = "lookalike-bench-image-vector";
    /** The k-NN plug-in's index. */
    static final String KNN_INDEX = "lookalike-bench-knn-vector";
    /** The vector field of both. */
    static final String FIELD = "vector";
    /** Documents per bulk request. */
    static final int BULK = 2000;

    private final NodeHttp http;

    /** @param http the node to send requests to */
    public OpenSearchBenchIndices(NodeHttp http) {
        this.http = http;
    }

    /**
     * Creates both indices, refusing to touch any that already exists unless {@code replace} is set.
     *
     * @param dimension      the vectors' dimension
     * @param m              HNSW's connections per node
     * @param efConstruction HNSW's build beam width
     * @param replace        whether to delete existing bench indices first
     * @throws IOException if an index exists and {@code replace} is off, or the node refuses a request
     */
    public void create(int dimension, int m, int efConstruction, boolean replace) throws IOException {
        for (String index : new String[] {LOOKALIKE_INDEX, KNN_INDEX}) {
            if (http.send("HEAD", "/" + index, null).ok()) {
                if (!replace) {
                    throw new IllegalArgumentException("index " + index + " already exists on " + http
                            + "; delete it or pass --replace");
                }
                http.expectOk("DELETE", "/" + index, null);
            }
        }
        String settings = "\"number_of_shards\": 1, \"number_of_replicas\": 0, \"refresh_interval\": \"-1\"";
        http.expectOk("PUT", "/" + LOOKALIKE_INDEX, String.format(Locale.ROOT, """
                {"settings": {%s},
                 "mappings": {"properties": {"%s": {"type": "image_vector", "dims": %d, "m": %d,
                   "ef_construction": %d}}}}""", settings, FIELD, dimension, m, efConstruction));
        http.expectOk("PUT", "/" + KNN_INDEX, String.format(Locale.ROOT, """
                {"settings": {%s, "index.knn": true},
                 "mappings": {"properties": {"%s": {"type": "knn_vector", "dimension": %d,
                   "method": {"name": "hnsw", "engine": "lucene", "space_type": "cosinesimil",
                     "parameters": {"m": %d, "ef_construction": %d}}}}}}""", settings, FIELD, dimension, m,
                efConstruction));
    }

    /**
     * Loads the vectors into both indices, the document id being the vector's position.
     *
     * @param vectors  the vectors
     * @param progress told how many documents are loaded, both indices counted
     * @throws IOException if a bulk request or one of its items fails
     */
    public void load(float[][] vectors, Progress progress) throws IOException {
        int done = 0;
        for (String index : new String[] {LOOKALIKE_INDEX, KNN_INDEX}) {
            for (int from = 0; from < vectors.length; from += BULK) {
                StringBuilder bulk = new StringBuilder();
                for (int i = from; i < Math.min(vectors.length, from + BULK); i++) {
                    bulk.append("{\"index\":{\"_id\":\"").append(i).append("\"}}\n{\"").append(FIELD).append("\":[");
                    for (int d = 0; d < vectors[i].length; d++) {
                        bulk.append(d == 0 ? "" : ",").append(vectors[i][d]);
                    }
                    bulk.append("]}\n");
                }
                var answer = http.expectOk("POST", "/" + index + "/_bulk", bulk.toString());
                if (answer.path("errors").asBoolean()) {
                    for (var item : answer.path("items")) {
                        if (item.path("index").has("error")) {
                            throw new IOException("bulk load of " + index + " failed: " + item.path("index").path("error"));
                        }
                    }
                }
                done += Math.min(BULK, vectors.length - from);
                progress.accept(done);
            }
        }
    }

    /**
     * Refreshes both indices and merges each into one segment; waits for the merges.
     *
     * @throws IOException if the node refuses
     */
    public void refreshAndMerge() throws IOException {
        for (String index : new String[] {LOOKALIKE_INDEX, KNN_INDEX}) {
            http.expectOk("POST", "/" + index + "/_refresh", null);
            http.expectOk("POST", "/" + index + "/_forcemerge?max_num_segments=1", null);
            http.expectOk("POST", "/" + index + "/_refresh", null);
        }
    }

    /**
     * @throws IOException if the node refuses
     */
    public void delete() throws IOException {
        http.expectOk("DELETE", "/" + LOOKALIKE_INDEX + "," + KNN_INDEX, null);
    }
}
