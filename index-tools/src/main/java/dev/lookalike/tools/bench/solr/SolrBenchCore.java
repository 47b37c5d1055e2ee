package dev.lookalike.tools.bench.solr;

import com.fasterxml.jackson.databind.JsonNode;
import dev.lookalike.tools.bench.corpus.FilterSelectivity;
import dev.lookalike.tools.bench.corpus.SyntheticCorpus;
import dev.lookalike.tools.client.NodeHttp;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.function.IntConsumer;

/**
 * The core (standalone node) or one-shard collection (SolrCloud) that {@code lookalike bench solr} searches: made
 * from a configset with a mutable managed schema and Lookalike's query parser, to which it adds one
 * {@code solr.DenseVectorField} with the run's HNSW settings, {@value #FIELD}, and the filter tag field
 * {@value #TAG_FIELD}. Both Lookalike's {@code {!image_knn}} and Solr's {@code {!knn}} search that one field, so
 * they walk the same graph.
 */
public final class SolrBenchCore {

    /** The name of the core or collection. */
    public static final String NAME = "lookalike-bench";
    /** The vector field both query parsers search. */
    public static final String FIELD = "bench_vector";
    /** The field of the corpus's filter tags. */
    public static final String TAG_FIELD = "bench_tag";
    /** Documents per update request. */
    static final int BATCH = 2000;

    private final NodeHttp http;
    private final boolean cloud;

    /**
     * @param http  the node
     * @param cloud whether it runs in SolrCloud mode (a collection) or standalone (a core)
     */
    public SolrBenchCore(NodeHttp http, boolean cloud) {
        this.http = http;
        this.cloud = cloud;
    }

    /**
     * Asks a node which mode it runs in.
     *
     * @param http the node
     * @return its system information ({@code mode}, {@code lucene.solr-spec-version}, ...)
     * @throws IOException if the node does not answer
     */
    public static JsonNode systemInfo(NodeHttp http) throws IOException {
        return http.expectOk("GET", "/solr/admin/info/system?wt=json", null);
    }

    /**
     * Creates the core or collection and its fields, refusing to touch one left by an earlier run unless
     * {@code replace} is set.
     *
     * @param configSet      the configset to create it from
     * @param dimension      the vectors' dimension
     * @param m              HNSW's connections per node
     * @param efConstruction HNSW's build beam width
     * @param replace        whether to delete an existing one first
     * @throws IOException if it exists and {@code replace} is off, or the node refuses a request
     */
    public void create(String configSet, int dimension, int m, int efConstruction, boolean replace) throws IOException {
        if (exists()) {
            if (!replace) {
                throw new IllegalArgumentException((cloud ? "collection " : "core ") + NAME + " already exists on "
                        + http + "; delete it or pass --replace");
            }
            delete();
        }
        String config = URLEncoder.encode(configSet, StandardCharsets.UTF_8);
        if (cloud) {
            http.expectOk("GET", "/solr/admin/collections?action=CREATE&name=" + NAME + "&collection.configName="
                    + config + "&numShards=1&replicationFactor=1&wt=json", null);
        } else {
            http.expectOk("GET", "/solr/admin/cores?action=CREATE&name=" + NAME + "&configSet=" + config
                    + "&wt=json", null);
        }
        http.expectOk("POST", "/solr/" + NAME + "/schema", String.format(Locale.ROOT, """
                {"add-field-type": {"name": "bench_image_vector", "class": "solr.DenseVectorField",
                   "vectorDimension": %d, "similarityFunction": "dot_product", "knnAlgorithm": "hnsw",
                   "hnswM": %d, "hnswEfConstruction": %d},
                 "add-field": [{"name": "%s", "type": "bench_image_vector", "indexed": true, "stored": false},
                   {"name": "%s", "type": "string", "indexed": true, "stored": false, "docValues": true}]}""",
                dimension, m, efConstruction, FIELD, TAG_FIELD));
    }

    /**
     * Loads the corpus, the document id being the vector's position, then commits.
     *
     * @param corpus   the corpus
     * @param progress told how many documents are loaded
     * @throws IOException if an update request fails
     */
    public void load(SyntheticCorpus corpus, IntConsumer progress) throws IOException {
        float[][] vectors = corpus.vectors();
        for (int from = 0; from < vectors.length; from += BATCH) {
            StringBuilder docs = new StringBuilder("[");
            for (int i = from; i < Math.min(vectors.length, from + BATCH); i++) {
                FilterSelectivity tag = corpus.tag(i);
                docs.append(i == from ? "" : ",").append("{\"id\":\"").append(i).append("\",\"").append(TAG_FIELD)
                        .append("\":\"").append(tag == null ? "other" : tag.value()).append("\",\"").append(FIELD)
                        .append("\":[");
                for (int d = 0; d < vectors[i].length; d++) {
                    docs.append(d == 0 ? "" : ",").append(vectors[i][d]);
                }
                docs.append("]}");
            }
            http.expectOk("POST", "/solr/" + NAME + "/update?wt=json", docs.append(']').toString());
            progress.accept(Math.min(vectors.length, from + BATCH));
        }
        http.expectOk("GET", "/solr/" + NAME + "/update?commit=true&wt=json", null);
    }

    /**
     * Merges the index into one segment, as the other benchmarks do, and waits for it.
     *
     * @throws IOException if the node refuses
     */
    public void merge() throws IOException {
        http.expectOk("GET", "/solr/" + NAME + "/update?optimize=true&maxSegments=1&waitSearcher=true&wt=json", null);
    }

    /**
     * @throws IOException if the node refuses
     */
    public void delete() throws IOException {
        if (cloud) {
            http.expectOk("GET", "/solr/admin/collections?action=DELETE&name=" + NAME + "&wt=json", null);
        } else {
            http.expectOk("GET", "/solr/admin/cores?action=UNLOAD&core=" + NAME
                    + "&deleteIndex=true&deleteDataDir=true&deleteInstanceDir=true&wt=json", null);
        }
    }

    private boolean exists() throws IOException {
        if (cloud) {
            JsonNode list = http.expectOk("GET", "/solr/admin/collections?action=LIST&wt=json", null);
            for (JsonNode name : list.path("collections")) {
                if (name.asText().equals(NAME)) {
                    return true;
                }
            }
            return false;
        }
        JsonNode status = http.expectOk("GET", "/solr/admin/cores?action=STATUS&core=" + NAME + "&wt=json", null);
        return status.path("status").path(NAME).has("name");
    }
}
